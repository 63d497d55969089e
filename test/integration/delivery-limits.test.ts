// Every invocation of a large tick stays inside the Workers Free plan: at most 50 D1 queries and 50 subrequests.
import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_SIZE, PAGES_PER_TICK } from '../../src/dispatch/plan';
import { FREE_PLAN_LIMITS } from '../../src/platform/invocation-meter';
import { clearDatabase, envWith, rows, runTick } from '../support/worker-harness';

interface InvocationLine {
  event: 'invocation';
  kind: 'tick' | 'queue';
  d1Queries: number;
  subrequests: number;
  sent?: number;
  continued?: boolean;
}

async function seedDue(count: number, now: number, smsShare: number): Promise<void> {
  const people = Array.from({ length: count }, (_, index) => {
    const sms = index < count * smsShare;
    return {
      id: `lim${String(index).padStart(6, '0')}`,
      channel: sms ? 'sms' : 'email',
      address: sms ? `+1415555${String(index).padStart(4, '0')}` : `limit${index}@example.com`,
      day: 1 + (index % 30),
    };
  });
  for (let offset = 0; offset < people.length; offset += 1000) {
    await env.DB.prepare(
      `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, next_due_at, created_at, confirmed_at)
       SELECT json_extract(value, '$.id'), json_extract(value, '$.channel'), json_extract(value, '$.address'), 'active', 'UTC', 12, 1,
              json_extract(value, '$.day'), ?2, ?2, ?2
       FROM json_each(?1)`,
    )
      .bind(JSON.stringify(people.slice(offset, offset + 1000)), now)
      .run();
  }
}

let lines: InvocationLine[] = [];
beforeEach(async () => {
  await clearDatabase();
  lines = [];
  const capture = (message: unknown) => {
    if (typeof message !== 'string' || !message.startsWith('{')) return;
    const line = JSON.parse(message) as InvocationLine;
    if (line.event === 'invocation') lines.push(line);
  };
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.spyOn(console, 'warn').mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

describe('a tick larger than one invocation can carry', () => {
  it('plans in pages, continues through the queue, and keeps every invocation within the Free plan', async () => {
    const count = PAGE_SIZE * PAGES_PER_TICK + 1500;
    const now = Date.parse('2026-07-01T12:00:00Z');
    await seedDue(count, now, 0.05);
    const providers = envWith({
      LOG_LEVEL: 'info',
      RESEND_API_KEY: 're_limits',
      RESEND_BASE_URL: env.RESEND_STAND_IN_URL,
      TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'limits-auth-token',
      TWILIO_FROM: '+15005550006',
      TWILIO_BASE_URL: env.TWILIO_STAND_IN_URL,
      // This test is about each invocation's budget; pace has its own tests (send-pace.test.ts).
      RESEND_RATE_LIMIT: '1000',
      TWILIO_RATE_LIMIT: '1000',
    });
    await runTick(now, providers);

    const [sent] = await rows<{ n: number }>("SELECT count(*) AS n FROM deliveries WHERE status = 'sent'");
    expect(sent!.n).toBe(count);
    expect(lines.find((line) => line.kind === 'tick')?.continued).toBe(true);
    const maxD1 = Math.max(...lines.map((line) => line.d1Queries));
    const maxSubrequests = Math.max(...lines.map((line) => line.subrequests));
    expect(maxD1).toBeLessThanOrEqual(FREE_PLAN_LIMITS.d1Queries);
    expect(maxSubrequests).toBeLessThanOrEqual(FREE_PLAN_LIMITS.subrequests);
    const statementsPerStep = lines.reduce((sum, line) => sum + line.d1Queries, 0) / count;
    expect(statementsPerStep).toBeLessThanOrEqual(0.1);
    console.info(
      `limits: ${count} steps in ${lines.length} invocations; max ${maxD1} D1 queries and ${maxSubrequests} subrequests in one; ` +
        `${statementsPerStep.toFixed(3)} D1 statements per step`,
    );
  }, 300_000);
});
