// Counts what one invocation spends against the Workers Free plan: D1 queries and subrequests (provider calls, queue sends).
export interface InvocationUsage {
  d1Queries: number;
  subrequests: number;
}

/** The Free plan's per-invocation limits this product stays within. */
export const FREE_PLAN_LIMITS: InvocationUsage = { d1Queries: 50, subrequests: 50 };

const innerStatements = new WeakMap<D1PreparedStatement, D1PreparedStatement>();

class MeteredStatement {
  constructor(
    private readonly inner: D1PreparedStatement,
    private readonly usage: InvocationUsage,
  ) {
    innerStatements.set(this as unknown as D1PreparedStatement, inner);
  }
  bind(...values: unknown[]): D1PreparedStatement {
    return new MeteredStatement(this.inner.bind(...values), this.usage) as unknown as D1PreparedStatement;
  }
  first<T>(column?: string): Promise<T | null> {
    this.usage.d1Queries++;
    return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
  }
  run<T>(): Promise<D1Result<T>> {
    this.usage.d1Queries++;
    return this.inner.run<T>();
  }
  all<T>(): Promise<D1Result<T>> {
    this.usage.d1Queries++;
    return this.inner.all<T>();
  }
  raw<T>(options?: { columnNames?: boolean }): Promise<T[]> {
    this.usage.d1Queries++;
    return this.inner.raw<T>(options as { columnNames: true }) as Promise<T[]>;
  }
}

/** Wraps a D1 binding so every statement it runs (alone or in a batch) is counted in `usage`. */
export function meterD1(d1: D1Database, usage: InvocationUsage): D1Database {
  const metered = {
    prepare: (query: string) => new MeteredStatement(d1.prepare(query), usage) as unknown as D1PreparedStatement,
    batch: <T>(statements: D1PreparedStatement[]) => {
      usage.d1Queries += statements.length;
      return d1.batch<T>(statements.map((statement) => innerStatements.get(statement) ?? statement));
    },
    exec: (query: string) => {
      usage.d1Queries++;
      return d1.exec(query);
    },
    dump: () => d1.dump(),
    withSession: (constraint?: string) => d1.withSession(constraint),
  };
  return metered as unknown as D1Database;
}

/** Wraps a queue producer so each send counts as a subrequest. */
export function meterQueue<Body>(queue: Queue<Body>, usage: InvocationUsage): Queue<Body> {
  return {
    send: (body: Body, options?: QueueSendOptions) => {
      usage.subrequests++;
      return queue.send(body, options);
    },
    sendBatch: (messages: Iterable<MessageSendRequest<Body>>, options?: QueueSendBatchOptions) => {
      usage.subrequests++;
      return queue.sendBatch(messages, options);
    },
  } as Queue<Body>;
}

/** A fresh, empty usage record for one invocation. */
export function newUsage(): InvocationUsage {
  return { d1Queries: 0, subrequests: 0 };
}
