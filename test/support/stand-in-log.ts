// The stand-ins' memory of API requests: a bounded log of recent ones and running counts of all of them.

/** One API request as the stand-in saw and answered it. */
export interface LoggedRequest {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; `authorization` keeps only its scheme. */
  headers: Record<string, string>;
  /** Parsed JSON or form fields; the raw text when it did not parse. */
  body: unknown;
  accepted: boolean;
  status: number;
  response: unknown;
  /** `fail`: an injected failure answered instead of processing; `drop`: processed, then the connection was cut. */
  fault?: 'fail' | 'drop' | 'rate_limited';
  /** True when an idempotency key replayed an earlier answer. */
  replay?: boolean;
}

/** Filters for `GET /__control/requests`. */
export interface RequestLogFilter {
  since?: number;
  path?: string;
  method?: string;
  accepted?: boolean;
  limit?: number;
}

/** Running totals for `GET /__control/stats`; never trimmed, so they stay exact over long benchmarks. */
export interface RequestStats {
  total: number;
  accepted: number;
  rejected: number;
  replayed: number;
  injectedFailures: number;
  dropped: number;
  /** Requests refused with 429 for being over the rate limit. */
  rateLimited: number;
  /** `METHOD /spec/path/{template}` → status → count. */
  byRoute: Record<string, Record<string, number>>;
}

/** Limits of the request log: the newest entries are kept while both bounds hold. */
export interface RequestLogLimits {
  maxEntries: number;
  maxBytes: number;
}

/**
 * Keeps the most recent API requests within `maxEntries` and roughly `maxBytes` of body and response text,
 * dropping the oldest first; adding is O(1) amortised, so a benchmark can push hundreds of thousands through.
 */
export class RequestLog {
  private entries: Array<{ entry: LoggedRequest; bytes: number } | undefined> = [];
  private head = 0;
  private bytes = 0;
  private nextSeq = 1;
  private totals: RequestStats = emptyStats();

  constructor(private readonly limits: RequestLogLimits) {}

  /** Records a request (assigning `seq` and `at`), counts it under `routeKey`, and trims the log to its limits. */
  add(entry: Omit<LoggedRequest, 'seq' | 'at'>, routeKey: string, bytes: number): LoggedRequest {
    const logged: LoggedRequest = { seq: this.nextSeq++, at: new Date().toISOString(), ...entry };
    this.count(logged, routeKey);
    this.entries.push({ entry: logged, bytes });
    this.bytes += bytes;
    while (this.size() > this.limits.maxEntries || (this.bytes > this.limits.maxBytes && this.size() > 1)) this.dropOldest();
    return logged;
  }

  /** The kept entries matching `filter`, oldest first; `limit` keeps the newest ones. */
  list(filter: RequestLogFilter = {}): LoggedRequest[] {
    const matches: LoggedRequest[] = [];
    for (let index = this.head; index < this.entries.length; index += 1) {
      const entry = this.entries[index]?.entry;
      if (!entry) continue;
      if (filter.since !== undefined && entry.seq <= filter.since) continue;
      if (filter.path !== undefined && entry.path !== filter.path) continue;
      if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) continue;
      if (filter.accepted !== undefined && entry.accepted !== filter.accepted) continue;
      matches.push(entry);
    }
    return filter.limit !== undefined ? matches.slice(Math.max(0, matches.length - filter.limit)) : matches;
  }

  /** Exact counts since the last reset, including requests no longer in the log. */
  stats(): RequestStats {
    return structuredClone(this.totals);
  }

  /** Forgets every entry and count; sequence numbers keep increasing so `since` cursors stay valid. */
  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
    this.totals = emptyStats();
  }

  private size(): number {
    return this.entries.length - this.head;
  }

  private dropOldest(): void {
    const oldest = this.entries[this.head];
    this.entries[this.head] = undefined;
    this.head += 1;
    this.bytes -= oldest?.bytes ?? 0;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private count(entry: LoggedRequest, routeKey: string): void {
    const totals = this.totals;
    totals.total += 1;
    if (entry.accepted) totals.accepted += 1;
    else totals.rejected += 1;
    if (entry.replay) totals.replayed += 1;
    if (entry.fault === 'fail') totals.injectedFailures += 1;
    if (entry.fault === 'drop') totals.dropped += 1;
    if (entry.fault === 'rate_limited') totals.rateLimited += 1;
    const byStatus = (totals.byRoute[routeKey] ??= {});
    byStatus[entry.status] = (byStatus[entry.status] ?? 0) + 1;
  }
}

function emptyStats(): RequestStats {
  return { total: 0, accepted: 0, rejected: 0, replayed: 0, injectedFailures: 0, dropped: 0, rateLimited: 0, byRoute: {} };
}
