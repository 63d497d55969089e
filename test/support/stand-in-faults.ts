// Deterministic fault injection for the provider stand-ins: failures, slow answers and accepted-then-dropped requests.
import { isPlainObject } from './stand-in-schema';

/** The faults a test asks for through `POST /__control/faults`; every field is optional. */
export interface FaultSettings {
  /** Share of API requests (0-1) answered with one of `statuses` without being processed. */
  failRate: number;
  /** Statuses used for injected failures; 429 answers carry `Retry-After`. */
  statuses: number[];
  /** Share of accepted API requests (0-1) that are processed and remembered, then cut off without an answer. */
  dropAfterAcceptRate: number;
  /** Delay before each API request is processed and answered. */
  delayMs: number;
  /** Seed of the pseudo-random sequence behind `failRate`, `dropAfterAcceptRate` and the status choice. */
  seed: number;
  /** Number of upcoming API requests to fail, cycling through `statuses` in order. */
  failNext: number;
  /** Seconds announced in `Retry-After` on injected 429 answers. */
  retryAfterSeconds: number;
}

const NO_FAULTS: FaultSettings = {
  failRate: 0,
  statuses: [500],
  dropAfterAcceptRate: 0,
  delayMs: 0,
  seed: 1,
  failNext: 0,
  retryAfterSeconds: 1,
};

/**
 * Reads fault settings from a control request body. Unknown keys and out-of-range values are refused,
 * so a typo in a test fails loudly instead of silently injecting nothing.
 */
export function parseFaultSettings(input: unknown): { settings: FaultSettings } | { error: string } {
  if (!isPlainObject(input)) return { error: 'faults must be a JSON object' };
  const settings: FaultSettings = { ...NO_FAULTS };
  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'failRate':
      case 'dropAfterAcceptRate':
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return { error: `${key} must be a number from 0 to 1` };
        settings[key] = value;
        break;
      case 'delayMs':
      case 'failNext':
      case 'retryAfterSeconds':
      case 'seed':
        if (!Number.isInteger(value) || (value as number) < 0) return { error: `${key} must be a non-negative integer` };
        settings[key] = value as number;
        break;
      case 'statuses':
        if (!Array.isArray(value) || value.length === 0 || !value.every((s) => Number.isInteger(s) && s >= 400 && s <= 599)) {
          return { error: 'statuses must be a non-empty array of HTTP error statuses (400-599)' };
        }
        settings.statuses = value as number[];
        break;
      default:
        return { error: `unknown fault setting ${key}` };
    }
  }
  return { settings };
}

/** The active fault settings plus the seeded random sequence that decides each request's fate. */
export class FaultPlan {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random = seededRandom(NO_FAULTS.seed);
  private cycle = 0;

  /** Replaces the active settings and restarts the random sequence from their seed. */
  configure(settings: FaultSettings): void {
    this.settings = { ...settings, statuses: [...settings.statuses] };
    this.random = seededRandom(settings.seed);
    this.cycle = 0;
  }

  /** Back to no faults at all. */
  clear(): void {
    this.configure(NO_FAULTS);
  }

  /** The settings in force, as a JSON-ready copy. */
  current(): FaultSettings {
    return { ...this.settings, statuses: [...this.settings.statuses] };
  }

  get delayMs(): number {
    return this.settings.delayMs;
  }

  get retryAfterSeconds(): number {
    return this.settings.retryAfterSeconds;
  }

  /** Decides whether the next API request fails before processing; returns the status to answer, or undefined. */
  nextFailure(): number | undefined {
    const { statuses } = this.settings;
    if (this.settings.failNext > 0) {
      this.settings.failNext -= 1;
      const status = statuses[this.cycle % statuses.length];
      this.cycle += 1;
      return status;
    }
    if (this.settings.failRate > 0 && this.random() < this.settings.failRate) {
      return statuses[Math.floor(this.random() * statuses.length)];
    }
    return undefined;
  }

  /** Decides whether an accepted request is cut off after processing (the client sees a dropped connection). */
  nextDrop(): boolean {
    return this.settings.dropAfterAcceptRate > 0 && this.random() < this.settings.dropAfterAcceptRate;
  }
}

/** mulberry32: a small, fast generator whose sequence is fixed by its seed. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
