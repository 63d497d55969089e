// Proves any reply, however large or crafted, is handled in bounded time, and /health answers meanwhile.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import worker from '../../src/index';
import { htmlToText } from '../../src/inbound/email/html-to-text';
import { MAX_RAW_BYTES, parseRoutedEmail } from '../../src/inbound/email/email-routing';
import { stripReply } from '../../src/inbound/email/strip-reply';
import { call, envWith } from '../support/worker-harness';

const MIB = 1024 * 1024;

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

describe('bounded cost of stripping a reply', () => {
  it('strips a 1 MiB reply of short lines well under a second', () => {
    const lines = ['a', '> b', 'On 1 wrote:', 'From: x', '-- ', 'Sent from my iPhone', '2016-10-24 @', 'Thanks!'];
    let text = '';
    for (let index = 0; text.length < MIB; index += 1) text += `${lines[index % lines.length]}\n`;
    const { result, ms } = timed(() => stripReply({ text }));
    console.log(`[reply cost] 1 MiB of short lines: ${ms.toFixed(1)} ms`);
    expect(typeof result).toBe('string');
    expect(ms).toBeLessThan(500);
  });

  it('converts and strips 100 KB of "<a" well under a second', () => {
    const html = '<a'.repeat(50 * 1024);
    const { ms } = timed(() => stripReply({ html }));
    const tags = timed(() => htmlToText('<a <b <c>'.repeat(12 * 1024) + '<!--'.repeat(5000) + '<div>'.repeat(5000)));
    console.log(`[reply cost] 100 KB of "<a": ${ms.toFixed(1)} ms; unclosed tags, comments and blocks: ${tags.ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
    expect(tags.ms).toBeLessThan(500);
  });

  it('strips crafted attribution-like and header-like lines in linear time', () => {
    const attribution = `${'On '.repeat(130)}wrote:\n`;
    const dated = `2016-10-24 ${'@'.repeat(380)}\n`;
    const headers = `From: a\n${'x '.repeat(190)}\n`;
    for (const line of [attribution, dated, headers]) {
      const text = line.repeat(Math.ceil(MIB / 2 / line.length));
      const { ms } = timed(() => stripReply({ text }));
      expect(ms).toBeLessThan(700);
    }
  });

  it('reads at most MAX_RAW_BYTES of a raw message and parses a deeply nested one within the caps', async () => {
    let nested = 'Content-Type: text/plain\r\n\r\nhello\r\n';
    for (let depth = 0; depth < 40; depth += 1) nested = `Content-Type: multipart/mixed; boundary="b${depth}"\r\n\r\n--b${depth}\r\n${nested}--b${depth}--\r\n`;
    const raw = new TextEncoder().encode(`From: a@example.org\r\nSubject: deep\r\n${nested}`);
    await expect(parseRoutedEmail({ from: 'a@example.org', to: 'r@in.example.com', raw: new ReadableStream() }, raw)).rejects.toThrow(/nesting/i);
    expect(MAX_RAW_BYTES).toBeLessThanOrEqual(4 * MIB);
  });
});

describe('a huge reply through the email() handler', () => {
  it('is handled in well under a second while /health answers', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const body = "I\r\n> q\r\n".repeat(MIB / 8);
    const raw = `From: <someone@example.org>\r\nTo: <reflections@in.example.com>\r\nSubject: Re: Day 1\r\nMessage-ID: <${crypto.randomUUID()}@example.org>\r\n\r\n${body}`;
    const message = { from: 'someone@example.org', to: 'reflections@in.example.com', raw: new Response(raw).body!, rawSize: raw.length, headers: new Headers(), setReject: vi.fn(), forward: vi.fn(), reply: vi.fn() };
    const start = performance.now();
    const ctx = createExecutionContext();
    const [, health] = await Promise.all([worker.email(message as unknown as ForwardableEmailMessage, envWith({ EMAIL_REPLY_TO: 'reflections@in.example.com' }), ctx), call('/health')]);
    await waitOnExecutionContext(ctx);
    const ms = performance.now() - start;
    console.info(`[reply cost] 1 MiB raw reply of short lines through email() with /health alongside: ${ms.toFixed(0)} ms`);
    expect(health.status).toBe(200);
    expect(ms).toBeLessThan(1000);
  });
});
