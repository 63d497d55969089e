// The outbox's pure parts: grouping and times, the simulated reply email and TwiML reading, and the pages' escaping and frame.
import { jsx } from 'hono/jsx';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../src/db/schema';
import { nextCronInstant } from '../../src/dev/advance-time';
import { formatLocal, formatUtc, groupByRecipient, withTopTarget } from '../../src/dev/outbox-view';
import { buildReplyEmail, encodeHeaderValue, twimlMessages } from '../../src/dev/simulated-messages';
import { OutboxMessagePage, type OutboxMessageView } from '../../src/pages/outbox-message-page';
import { OutboxPage } from '../../src/pages/outbox-page';
import { twimlResponse } from '../../src/inbound/webhooks/twiml';

async function render<P extends object>(component: (props: P) => unknown, props: P): Promise<string> {
  return String(await jsx(component as never, props as Record<string, unknown>).toString());
}

function message(id: number, to: string, createdAt: number, fields: Partial<OutboxMessage> = {}): OutboxMessage {
  return { id, channel: 'email', to_address: to, from_address: 'Rebuild Trust <course@example.com>', subject: `Message ${id}`, html: null, text: 'Hello', headers: null, idempotency_key: null, created_at: createdAt, ...fields };
}

const NOON_UTC = Date.UTC(2026, 11, 1, 12, 0);

describe('groupByRecipient', () => {
  it('orders groups by their newest message and rows newest first, each time in the recipient zone and UTC', () => {
    const groups = groupByRecipient(
      [message(1, 'a@example.com', NOON_UTC), message(2, 'b@example.com', NOON_UTC + 60_000), message(3, 'a@example.com', NOON_UTC + 120_000)],
      new Map([['a@example.com', 'Asia/Kolkata']]),
    );
    expect(groups.map((group) => [group.address, group.rows.map((row) => row.id)])).toEqual([
      ['a@example.com', [3, 1]],
      ['b@example.com', [2]],
    ]);
    expect(groups[0]!.rows[1]!.localTime).toBe('Tue, Dec 1, 5:30 PM GMT+5:30');
    expect(groups[0]!.rows[1]!.utcTime).toBe('2026-12-01 12:00 UTC');
    expect(groups[1]!.timezone).toBe('UTC');
  });

  it('keeps an email and a text to the same person apart, and summarizes a long text', () => {
    const long = 'word '.repeat(40);
    const groups = groupByRecipient([message(1, '+14155550100', NOON_UTC, { channel: 'sms', subject: null, text: long })], new Map());
    expect(groups[0]!.rows[0]!.summary.length).toBeLessThanOrEqual(80);
    expect(groups[0]!.rows[0]!.summary.endsWith('…')).toBe(true);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(formatLocal(NOON_UTC, 'Not/AZone')).toBe('Tue, Dec 1, 12:00 PM UTC');
    expect(formatUtc(NOON_UTC)).toBe('2026-12-01 12:00 UTC');
  });

  it('makes every link of a previewed email open at the top, in place of any target it had', () => {
    expect(withTopTarget('<A href="/x">x</A><a href="/y" target="_blank" style="c">y</a><abbr>z</abbr>')).toBe('<a target="_top" href="/x">x</A><a target="_top" href="/y" style="c">y</a><abbr>z</abbr>');
  });

  it('rounds a due instant up to the cron quarter hour', () => {
    expect(nextCronInstant(NOON_UTC)).toBe(NOON_UTC);
    expect(nextCronInstant(NOON_UTC + 1)).toBe(NOON_UTC + 15 * 60_000);
  });
});

describe('simulated messages', () => {
  it('writes a reply that postal-mime reads back: subject, threading, typed text above the quoted original', async () => {
    const raw = buildReplyEmail({
      from: 'ana@example.com',
      to: 'reflections+TOKEN@in.example.com',
      subject: 'Day 3 of 30: “Listening”',
      inReplyTo: '<orig@example.com>',
      text: 'I listened.\nReally listened.',
      quoted: 'Day 3\n\nReply to this email.',
      quotedFrom: 'Rebuild Trust <course@example.com>',
      date: new Date(NOON_UTC),
      messageId: '<reply-1@outbox.localhost>',
    });
    const parsed = await PostalMime.parse(raw);
    expect(parsed.subject).toBe('Re: Day 3 of 30: “Listening”');
    expect(parsed.inReplyTo).toBe('<orig@example.com>');
    expect(parsed.messageId).toBe('<reply-1@outbox.localhost>');
    expect(parsed.to?.[0]?.address).toBe('reflections+TOKEN@in.example.com');
    expect(parsed.text).toMatch(/^I listened\.\r?\nReally listened\.\r?\n\r?\nOn .* wrote:\r?\n> Day 3\r?\n>\r?\n> Reply to this email\./);
  });

  it('keeps header injection out: line breaks in a subject become spaces', () => {
    expect(encodeHeaderValue('Hi\r\nBcc: x@example.com')).toBe('Hi Bcc: x@example.com');
  });

  it('reads back what twimlResponse writes, escapes included, and nothing from an empty answer', () => {
    expect(twimlMessages(twimlResponse('Reply <YES> & be "well"'))).toEqual(['Reply <YES> & be "well"']);
    expect(twimlMessages(twimlResponse(null))).toEqual([]);
  });
});

describe('outbox pages', () => {
  const view: OutboxMessageView = {
    id: 7,
    channel: 'email',
    to: 'ana@example.com',
    from: 'Rebuild Trust <course@example.com>',
    subject: '<script>alert("subject")</script>',
    text: 'Confirm here: https://example.com/confirm?token=a&b=c. Thanks <b>!</b>',
    previewHtml: '<p><a target="_top" href="https://example.com/x">Fish &amp; chips</a></p>',
    headers: { 'List-Unsubscribe': '<https://example.com/u/T>' },
    localTime: 'Tue, Dec 1, 7:00 AM EST',
    utcTime: '2026-12-01 12:00 UTC',
    createdAt: NOON_UTC,
  };

  it('escapes the subject and text, links the URLs, and frames the HTML with no scripts', async () => {
    const html = await render(OutboxMessagePage, { message: view, canAct: true });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>!</b>');
    expect(html).toContain('<a href="https://example.com/confirm?token=a&amp;b=c">');
    expect(html).toMatch(/<iframe sandbox="allow-top-navigation-by-user-activation allow-popups allow-popups-to-escape-sandbox" srcdoc="&lt;p&gt;&lt;a target=&quot;_top&quot;/);
    expect(html).toContain('action="/dev/outbox/7/reply"');
  });

  it('offers YES, HELP and STOP for a text, and no answer forms when a provider key is set', async () => {
    const sms = await render(OutboxMessagePage, { message: { ...view, channel: 'sms', subject: null, previewHtml: null, to: '+14155550100' }, canAct: true });
    for (const word of ['YES', 'HELP', 'STOP']) expect(sms).toContain(`value="${word}"`);
    expect(sms).not.toContain('<iframe');
    const off = await render(OutboxMessagePage, { message: view, canAct: false });
    expect(off).not.toContain('<form method="post"');
  });

  it('lists groups with links to each message, keeps the filter, and has an empty state', async () => {
    const groups = groupByRecipient([message(5, 'ana@example.com', NOON_UTC)], new Map());
    const html = await render(OutboxPage, { groups, filter: { channel: 'email', address: 'ana@example.com' }, note: 'Done <now>', clock: 'x', canAct: true, total: 1 });
    expect(html).toContain('href="/dev/outbox/5"');
    expect(html).toContain('<option value="email" selected="">');
    expect(html).toContain('Done &lt;now&gt;');
    const empty = await render(OutboxPage, { groups: [], filter: { channel: null, address: null }, note: null, clock: 'x', canAct: true, total: 0 });
    expect(empty).toContain('Nothing here yet');
  });
});
