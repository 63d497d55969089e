// Pure: the outbox shaped for reading: grouped by recipient (newest first), each time in the recipient's zone and in UTC.
import type { OutboxMessage } from '../db/schema';

export interface OutboxRow {
  id: number;
  channel: 'email' | 'sms';
  /** The subject, or the first words of a text message. */
  summary: string;
  /** "Tue 1 Dec, 8:00 AM EST" in the recipient's zone. */
  localTime: string;
  /** "2026-12-01 13:00 UTC". */
  utcTime: string;
  createdAt: number;
}

export interface RecipientGroup {
  address: string;
  channel: 'email' | 'sms';
  /** The recipient's zone from their signup, else UTC. */
  timezone: string;
  rows: OutboxRow[];
}

const SUMMARY_CHARS = 80;

/** `instant` as "2026-12-01 13:00 UTC". */
export function formatUtc(instant: number): string {
  return `${new Date(instant).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `instant` as a short local time with the zone's abbreviation ("Tue, Dec 1, 8:00 AM EST"); UTC when the zone is unknown. */
export function formatLocal(instant: number, timezone: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
  try {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: timezone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(instant);
  }
}

/** A one-line summary: the subject, or the text message's start. */
export function summarize(message: Pick<OutboxMessage, 'subject' | 'text'>): string {
  if (message.subject) return message.subject;
  const flat = message.text.replace(/\s+/g, ' ').trim();
  return flat.length > SUMMARY_CHARS ? `${flat.slice(0, SUMMARY_CHARS - 1)}…` : flat;
}

/**
 * Messages grouped by (channel, recipient): groups ordered by their newest message, rows newest first
 * (by time, then id). `zones` maps an address to the zone its subscriber chose.
 */
export function groupByRecipient(messages: readonly OutboxMessage[], zones: ReadonlyMap<string, string>): RecipientGroup[] {
  const sorted = [...messages].sort((a, b) => b.created_at - a.created_at || b.id - a.id);
  const groups = new Map<string, RecipientGroup>();
  for (const message of sorted) {
    const key = `${message.channel} ${message.to_address}`;
    let group = groups.get(key);
    if (!group) {
      group = { address: message.to_address, channel: message.channel, timezone: zones.get(message.to_address) ?? 'UTC', rows: [] };
      groups.set(key, group);
    }
    group.rows.push({
      id: message.id,
      channel: message.channel,
      summary: summarize(message),
      localTime: formatLocal(message.created_at, group.timezone),
      utcTime: formatUtc(message.created_at),
      createdAt: message.created_at,
    });
  }
  return [...groups.values()];
}

/**
 * `html` with every link opening at the top (`target="_top"`, replacing any target it had), so a click in the
 * preview frame opens the page itself, in this tab. (A `<base>` would not do: the page's policy has
 * `base-uri 'none'`, which the frame inherits.)
 */
export function withTopTarget(html: string): string {
  return html.replace(/<a\b([^>]*)>/gi, (_, attributes: string) => `<a target="_top"${attributes.replace(/\s+target\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')}>`);
}
