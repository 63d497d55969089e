// A provider's request rate limit as the stand-ins enforce it: a fixed one-second window per account, counted per API request.

/** What one request found: allowed or not, and the window's state for the rate-limit headers. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1), as Resend's `ratelimit-reset` and `retry-after` give it. */
  resetSeconds: number;
}

/** A fixed-window limiter: at most `perSecond` requests in each wall-clock second; off when `perSecond` is null. */
export class RateWindow {
  private windowStart = 0;
  private count = 0;
  refused = 0;

  constructor(
    public perSecond: number | null,
    private readonly now: () => number,
  ) {}

  /** Counts a request and says whether it is inside the limit; null when no limit is set. */
  take(): RateDecision | null {
    if (this.perSecond === null) return null;
    const now = this.now();
    const window = Math.floor(now / 1000) * 1000;
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.count = 0;
    }
    const limit = Math.floor(this.perSecond);
    const allowed = this.count < limit;
    if (allowed) this.count++;
    else this.refused++;
    const resetSeconds = Math.max(1, Math.ceil((window + 1000 - now) / 1000));
    return { allowed, limit, remaining: Math.max(0, limit - this.count), resetSeconds };
  }

  reset(): void {
    this.windowStart = 0;
    this.count = 0;
    this.refused = 0;
  }
}

/** Reads `{ perSecond: number | null }` for `POST /__control/rate-limit`. */
export function parseRateLimit(body: unknown): { perSecond: number | null } | { error: string } {
  const value = (body as { perSecond?: unknown } | undefined)?.perSecond;
  if (value === null) return { perSecond: null };
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return { perSecond: value };
  return { error: 'perSecond must be a number of at least 1, or null for no limit' };
}
