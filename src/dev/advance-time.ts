// The outbox's clock buttons: run the cron tick at the next send instant, or at every one in the next days, with the real plan and delivery code.
import { latestSendInstant, nextDueInstant } from '../db/outbox-queries';
import { servicesStampedAt, type Services } from '../services';

const QUARTER_HOUR_MS = 15 * 60_000;
export const DAY_MS = 24 * 60 * 60_000;
/** Ticks one button press may run: 7 days of quarter hours with room to spare, so a press always ends. */
const MAX_TICKS = 7 * 96;

export interface AdvanceSummary {
  ticks: number;
  sent: number;
  /** The last tick's instant, or null when nothing was due. */
  reachedAt: number | null;
}

/** The instant the cron trigger (every 15 minutes) would next fire at or after `instant`. */
export function nextCronInstant(instant: number): number {
  return Math.ceil(instant / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
}

/**
 * Runs one cron tick at `at` exactly as the worker does, and delivers what it queued in this request, so the
 * next tick sees the result. The outbox stamps each message with the tick's instant, so the list reads as the
 * days would. Returns what was sent.
 */
export async function runTickNow(services: Services, at: number): ReturnType<Services['dispatch']['runTickInline']> {
  return servicesStampedAt(services, at).dispatch.runTickInline(at);
}

/** Where the try-out's clock stands: the wall clock, or the latest simulated send when that is later. */
async function simulatedNow(services: Services, now: number): Promise<number> {
  return Math.max(now, (await latestSendInstant(services.db)) ?? 0);
}

/**
 * Runs the tick at the next instant anything is due (to `address` only, when given): "tomorrow at the send
 * hour" for someone who just got a step. Something already due runs at the simulated now.
 */
export async function advanceToNextSend(services: Services, now: number, address?: string): Promise<AdvanceSummary> {
  const clock = await simulatedNow(services, now);
  const due = await nextDueInstant(services.db, Number.MIN_SAFE_INTEGER, address);
  if (due === null) return { ticks: 0, sent: 0, reachedAt: null };
  const at = nextCronInstant(Math.max(due, clock));
  const summary = await runTickNow(services, at);
  return { ticks: 1, sent: summary.sent, reachedAt: at };
}

/** Runs every tick at which something is due during the next `days` days of the simulated clock, in order. */
export async function advanceDays(services: Services, now: number, days: number): Promise<AdvanceSummary> {
  const start = await simulatedNow(services, now);
  const end = start + days * DAY_MS;
  let at = start;
  let ticks = 0;
  let sent = 0;
  let reachedAt: number | null = null;
  while (ticks < MAX_TICKS) {
    const due = await nextDueInstant(services.db, Number.MIN_SAFE_INTEGER);
    if (due === null) break;
    // A step left due at the last tick (a retry, a quiet hour) moves the clock on by one tick, never back.
    at = nextCronInstant(Math.max(due, reachedAt === null ? at : reachedAt + 1));
    if (at > end) break;
    sent += (await runTickNow(services, at)).sent;
    ticks++;
    reachedAt = at;
  }
  return { ticks, sent, reachedAt };
}
