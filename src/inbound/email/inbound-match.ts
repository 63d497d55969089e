// Pure: reading an inbound email's addresses, plus-address tokens, automatic-reply headers and the day it answers.

const ANGLE_ADDRESS = /<([^<>\s]+@[^<>\s]+)>/;
const BARE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);
const SYSTEM_SENDER = /^(mailer-daemon|postmaster)@/i;

/** The lower-cased address in `Name <address>` or a bare address; null when there is none. */
export function addressOf(value: string): string | null {
  const text = value.trim();
  const address = ANGLE_ADDRESS.exec(text)?.[1] ?? (BARE_ADDRESS.test(text) ? text : null);
  return address ? address.toLowerCase() : null;
}

/** The tags of plus-addresses (`reflections+TAG@in.example.com` → `TAG`) among `addresses`, lower-cased, each once. */
export function plusTags(addresses: readonly string[]): string[] {
  const tags = new Set<string>();
  for (const value of addresses) {
    const address = addressOf(value);
    if (!address) continue;
    const local = address.slice(0, address.lastIndexOf('@'));
    const plus = local.indexOf('+');
    if (plus >= 0 && plus < local.length - 1) tags.add(local.slice(plus + 1));
  }
  return [...tags];
}

/**
 * True for mail no person wrote (RFC 3834): Auto-Submitted other than "no", X-Autoreply / X-Autorespond,
 * Precedence bulk/junk/list/auto_reply, or a delivery report from MAILER-DAEMON or postmaster.
 * `headers` has lower-case names.
 */
export function isAutomaticReply(headers: Readonly<Record<string, string>>, from: string): boolean {
  const autoSubmitted = headers['auto-submitted']?.split(';')[0]?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (headers['x-autoreply'] !== undefined || headers['x-autorespond'] !== undefined) return true;
  if (AUTOMATIC_PRECEDENCE.has(headers.precedence?.trim().toLowerCase() ?? '')) return true;
  return SYSTEM_SENDER.test(addressOf(from) ?? '');
}

/**
 * The step a reply answers: the "Day N" its subject keeps from our email ("Re: Day 3 of 30: …") when that step
 * has been sent (1 ≤ N ≤ `lastDaySent`); otherwise undefined, which means the latest step sent.
 */
export function replyDay(subject: string, lastDaySent: number): number | undefined {
  const match = /\b(?:Day|Día) (\d{1,3}) (?:of|de) \d{1,3}\b/i.exec(subject);
  const day = match ? Number(match[1]) : NaN;
  return day >= 1 && day <= lastDaySent ? day : undefined;
}
