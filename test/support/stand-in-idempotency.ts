// Idempotency-key memory: the first successful answer per key, replayed for the same request and refused for a different one.
import { createHash } from 'node:crypto';

/** What a lookup found for a key. */
export type IdempotencyLookup<T> =
  | { kind: 'new' }
  | { kind: 'replay'; answer: T }
  | { kind: 'conflict' };

interface Remembered<T> {
  fingerprint: string;
  answer: T;
  storedAt: number;
}

/**
 * Remembers answers by (scope, key) for `ttlMs` after they were stored. The fingerprint of a request is a
 * SHA-256 of its method, path and exact body bytes, so a retry must resend the same body to be replayed.
 * Expired entries are dropped in insertion order, so memory stays proportional to the keys of the last `ttlMs`.
 */
export class IdempotencyMemory<T> {
  private entries = new Map<string, Remembered<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The fingerprint of a request, to pass to `lookup` and `remember`. */
  static fingerprint(method: string, path: string, body: Buffer): string {
    return createHash('sha256').update(method).update('\n').update(path).update('\n').update(body).digest('hex');
  }

  /** Finds a live answer for the key and compares fingerprints. */
  lookup(scope: string, key: string, fingerprint: string): IdempotencyLookup<T> {
    this.expire();
    const entry = this.entries.get(entryKey(scope, key));
    if (!entry) return { kind: 'new' };
    return entry.fingerprint === fingerprint ? { kind: 'replay', answer: entry.answer } : { kind: 'conflict' };
  }

  /** Stores the answer for a key that `lookup` reported as new. */
  remember(scope: string, key: string, fingerprint: string, answer: T): void {
    this.entries.set(entryKey(scope, key), { fingerprint, answer, storedAt: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }

  private expire(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) {
      if (entry.storedAt > cutoff) break;
      this.entries.delete(key);
    }
  }
}

function entryKey(scope: string, key: string): string {
  return `${scope}\u0000${key}`;
}
