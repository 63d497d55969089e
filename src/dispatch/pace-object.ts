// The Durable Object that keeps each provider's send schedule, so every concurrent invocation shares one pace.
import { DurableObject } from 'cloudflare:workers';
import { bookedAhead, holdUntil, newPaceSchedule, reserveSlots, type PaceSlot } from './pace';

/**
 * One instance per provider (`idFromName('resend')`, `idFromName('twilio')`). Its clock is the wall clock: the pace
 * is about real seconds at the provider. The schedule lives in memory; if the object is evicted, it starts free.
 */
export class SendPace extends DurableObject {
  private schedule = newPaceSchedule();

  /** Reserves slots for `ticket` (see reserveSlots), after holding for `holdForMs` when the provider said its window is spent. */
  reserve(ticket: string, count: number, perSecond: number, holdForMs = 0): PaceSlot {
    const now = Date.now();
    if (holdForMs > 0) holdUntil(this.schedule, now + holdForMs);
    return reserveSlots(this.schedule, ticket, count, perSecond, now);
  }

  hold(forMs: number): void {
    holdUntil(this.schedule, Date.now() + forMs);
  }

  bookedAheadMs(): number {
    return bookedAhead(this.schedule, Date.now());
  }
}
