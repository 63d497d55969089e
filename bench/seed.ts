// Seeds a benchmark database: active subscribers across many time zones, every one due a daily step at the tick.
import { isInSmsWindow } from '../src/schedule/due';
import { toLocal } from '../src/schedule/local-time';

/** Zones of the countries SMS is offered in; an SMS subscriber gets one whose local time at the tick is inside 09:00-20:00. */
const SMS_ZONE_CANDIDATES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Toronto',
  'America/Winnipeg',
  'America/Halifax',
  'America/St_Johns',
  'America/Vancouver',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Sydney',
  'Australia/Perth',
  'Pacific/Auckland',
];
const DAY_MS = 86_400_000;
/** Rows per INSERT: one JSON parameter each, far below D1's 100-parameter limit and its statement size limit. */
const ROWS_PER_INSERT = 2_000;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export interface SeedOptions {
  count: number;
  /** The tick's scheduled time: every subscriber is due at or before it. */
  now: number;
  /** Share of SMS subscribers, 0..1. */
  smsShare: number;
}

export interface SeedSummary {
  subscribers: number;
  email: number;
  sms: number;
  timezones: number;
  smsTimezones: string[];
  seconds: number;
}

/** A valid subscriber id (lower-case base32, 16 characters) made from a number, so runs are reproducible. */
export function benchSubscriberId(index: number): string {
  let id = '';
  let rest = index;
  for (let position = 0; position < 12; position++) {
    id = ID_ALPHABET[rest % 32] + id;
    rest = Math.floor(rest / 32);
  }
  return `bnch${id}`;
}

interface SubscriberRow {
  id: string;
  channel: 'email' | 'sms';
  address: string;
  timezone: string;
  send_hour: number;
  next_day: number;
  next_due_at: number;
  last_day_sent: number;
  last_sent_at: number | null;
  created_at: number;
}

function subscriberRow(index: number, channel: 'email' | 'sms', timezone: string, now: number): SubscriberRow {
  const clock = toLocal(now, timezone);
  const day = 1 + ((index * 7) % 30);
  return {
    id: benchSubscriberId(index),
    channel,
    address: channel === 'email' ? `reader${index}@bench.example.com` : `+1202${String(5_550_000 + (index % 4_450_000)).padStart(7, '0')}`,
    timezone,
    // The send hour is the local hour of the tick, so the step became due at its start, minutes ago.
    send_hour: clock.hour,
    next_day: day,
    next_due_at: now - clock.minute * 60_000,
    last_day_sent: day - 1,
    last_sent_at: day === 1 ? null : now - DAY_MS,
    created_at: now - (day + 1) * DAY_MS,
  };
}

const INSERT_SQL = `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, next_due_at,
    last_day_sent, last_sent_at, created_at, confirmed_at)
  SELECT json_extract(value, '$.id'), json_extract(value, '$.channel'), json_extract(value, '$.address'), 'active',
    json_extract(value, '$.timezone'), json_extract(value, '$.send_hour'), 1, json_extract(value, '$.next_day'),
    json_extract(value, '$.next_due_at'), json_extract(value, '$.last_day_sent'), json_extract(value, '$.last_sent_at'),
    json_extract(value, '$.created_at'), json_extract(value, '$.created_at')
  FROM json_each(?1)`;

/**
 * Inserts `count` active subscribers, all due at `now`: email subscribers spread over every IANA zone the
 * runtime knows, SMS subscribers (about `smsShare` of them, US numbers) over the SMS countries' zones whose
 * local time at `now` lies in the SMS window, so every decision at the tick is "send". Days 1-30 vary.
 */
export async function seedDueSubscribers(d1: D1Database, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const emailZones = Intl.supportedValuesOf('timeZone');
  const smsZones = SMS_ZONE_CANDIDATES.filter((zone) => isInSmsWindow(options.now, zone));
  if (options.smsShare > 0 && smsZones.length === 0) throw new Error('No SMS zone is inside the SMS window at the tick; pick another tick time');
  const smsEvery = options.smsShare > 0 ? Math.round(1 / options.smsShare) : 0;
  let sms = 0;
  const usedZones = new Set<string>();
  let pending: SubscriberRow[] = [];
  for (let index = 0; index < options.count; index++) {
    const isSms = smsEvery > 0 && index % smsEvery === smsEvery - 1;
    const zones = isSms ? smsZones : emailZones;
    const timezone = zones[index % zones.length]!;
    usedZones.add(timezone);
    if (isSms) sms++;
    pending.push(subscriberRow(index, isSms ? 'sms' : 'email', timezone, options.now));
    if (pending.length === ROWS_PER_INSERT || index === options.count - 1) {
      await d1.prepare(INSERT_SQL).bind(JSON.stringify(pending)).run();
      pending = [];
    }
  }
  return {
    subscribers: options.count,
    email: options.count - sms,
    sms,
    timezones: usedZones.size,
    smsTimezones: smsZones,
    seconds: (performance.now() - started) / 1000,
  };
}
