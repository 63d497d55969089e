// Pure: how long the due backlog takes at the configured limits, and which send hours the limits cannot meet.
import { addDays, startOfLocalHour, toLocal } from './local-time';
import { SMS_WINDOW } from './due';
/** The two ways a step goes out. */
type Channel = 'email' | 'sms';

/** Active subscribers of one channel and zone due at one instant. */
export interface SendLoad {
  channel: Channel;
  timezone: string;
  dueAt: number;
  count: number;
}

/** Sends per second for each channel: Resend requests (100 emails each) and Twilio messages; null when not paced. */
export interface PaceLimits {
  resendPerSecond: number | null;
  twilioPerSecond: number | null;
}

export interface ChannelPace {
  /** Due now and not yet sent. */
  backlog: number;
  /** When the backlog is sent at the limit, if nothing else comes first. */
  clearsAt: number;
}

export interface PaceEstimate {
  email: ChannelPace;
  sms: ChannelPace;
  /** Send hours the limits cannot meet: email not within its tick, SMS not before 20:00 local. */
  warnings: string[];
  limits: PaceLimits;
}

const EMAILS_PER_CALL = 100;
/** An email hour is met when its emails go out within one tick. */
const TICK_MS = 15 * 60_000;

function sendsFor(channel: Channel, count: number): number {
  return channel === 'email' ? Math.ceil(count / EMAILS_PER_CALL) : count;
}

function rateFor(channel: Channel, limits: PaceLimits): number | null {
  return channel === 'email' ? limits.resendPerSecond : limits.twilioPerSecond;
}

/** 20:00 local on the local day of `dueAt` in `timezone`; the window end, even when `dueAt` is a late backlog. */
function smsWindowEnd(dueAt: number, timezone: string): number {
  const local = toLocal(dueAt, timezone);
  const end = startOfLocalHour(local, SMS_WINDOW.endHour, timezone);
  return end > dueAt ? end : startOfLocalHour(addDays(local, 1), SMS_WINDOW.endHour, timezone);
}

const clock = (instant: number) => new Date(instant).toISOString().slice(11, 16);

/**
 * Plays the load forward at the limits, in due order, one line per channel (the limits are shared by every zone):
 * the backlog due at `now` and when it clears, and a warning for every instant whose load cannot be met.
 */
export function estimatePace(loads: SendLoad[], limits: PaceLimits, now: number): PaceEstimate {
  const estimate: PaceEstimate = { email: { backlog: 0, clearsAt: now }, sms: { backlog: 0, clearsAt: now }, warnings: [], limits };
  const freeAt: Record<Channel, number> = { email: now, sms: now };
  const sorted = [...loads].sort((a, b) => a.dueAt - b.dueAt || a.timezone.localeCompare(b.timezone));
  for (const load of sorted) {
    const rate = rateFor(load.channel, limits);
    const seconds = rate === null ? 0 : sendsFor(load.channel, load.count) / rate;
    const start = Math.max(freeAt[load.channel], load.dueAt);
    const done = start + seconds * 1000;
    freeAt[load.channel] = done;
    if (load.dueAt <= now) {
      estimate[load.channel].backlog += load.count;
      estimate[load.channel].clearsAt = done;
    }
    if (load.channel === 'email' && done - Math.max(now, load.dueAt) > TICK_MS && rate !== null) {
      estimate.warnings.push(
        `${load.count} emails (${load.timezone}) due at ${clock(load.dueAt)} UTC go out by ${clock(done)} UTC, later than one tick, at ${rate} requests/s.`,
      );
    }
    if (load.channel === 'sms' && rate !== null) {
      const end = smsWindowEnd(Math.max(now, load.dueAt), load.timezone);
      if (done > end) {
        estimate.warnings.push(
          `${load.count} SMS (${load.timezone}) due at ${clock(load.dueAt)} UTC cannot all go before 20:00 local at ${rate} messages/s: the rest wait for 09:00.`,
        );
      }
    }
  }
  return estimate;
}
