// What the rate-limited stand-ins saw, second by second: how close each provider ran to its limit, its idle gaps and when the 429s came.

/** One API request as a stand-in answered it. */
interface Answered {
  status: number;
  at: number;
}

export interface ProviderTimeline {
  calls: number;
  accepted: number;
  refused: number;
  /** Seconds from the tick to the first and the last accepted call. */
  firstAcceptedS: number | null;
  lastAcceptedS: number | null;
  /** Accepted calls per second over the span from the first to the last accepted call, against the limit. */
  achievedPerSecond: number;
  /** Silences between accepted calls longer than twice the limit's spacing: how many, and the time they add up to. */
  gaps: { count: number; seconds: number; longestS: number };
  /** The spacing between consecutive accepted calls that only 1% of them undercut (ms): how much the pace jitters. */
  spacingP1Ms: number | null;
  /** Seconds since the tick of each 429 (rounded to 0.1 s), the first 40. */
  refusedAtS: number[];
  /** Accepted calls in each whole second since the tick. */
  perSecond: number[];
}

/** Collects every answered request of one stand-in; `summarize` reads them against the tick's start and the limit. */
export class PaceRecorder {
  private readonly answered: Answered[] = [];

  constructor(private readonly acceptedStatus: number) {}

  readonly observe = (_route: string, status: number, at: number): void => {
    this.answered.push({ status, at });
  };

  summarize(startedAtMs: number, limitPerSecond: number): ProviderTimeline {
    const accepted = this.answered.filter((call) => call.status === this.acceptedStatus).map((call) => call.at - startedAtMs);
    const refused = this.answered.filter((call) => call.status === 429).map((call) => call.at - startedAtMs);
    const first = accepted[0] ?? null;
    const last = accepted.at(-1) ?? null;
    const gapMs = (2 * 1000) / limitPerSecond;
    const gaps = { count: 0, seconds: 0, longestS: 0 };
    for (let index = 1; index < accepted.length; index++) {
      const gap = accepted[index]! - accepted[index - 1]!;
      if (gap <= gapMs) continue;
      gaps.count++;
      gaps.seconds += gap / 1000;
      gaps.longestS = Math.max(gaps.longestS, gap / 1000);
    }
    const perSecond: number[] = [];
    for (const at of accepted) {
      const second = Math.max(0, Math.floor(at / 1000));
      while (perSecond.length <= second) perSecond.push(0);
      perSecond[second]!++;
    }
    const spacings = accepted.slice(1).map((at, index) => at - accepted[index]!).sort((a, b) => a - b);
    const span = first === null || last === null ? 0 : (last - first) / 1000;
    return {
      calls: this.answered.length,
      accepted: accepted.length,
      refused: refused.length,
      firstAcceptedS: first === null ? null : round(first / 1000),
      lastAcceptedS: last === null ? null : round(last / 1000),
      achievedPerSecond: span > 0 ? round((accepted.length - 1) / span) : 0,
      gaps: { count: gaps.count, seconds: round(gaps.seconds), longestS: round(gaps.longestS) },
      spacingP1Ms: spacings.length > 0 ? Math.round(spacings[Math.floor(spacings.length / 100)]!) : null,
      refusedAtS: refused.slice(0, 40).map((at) => round(at / 1000)),
      perSecond,
    };
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
