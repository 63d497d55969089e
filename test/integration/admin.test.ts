// GET /admin: the operator sees failing steps and flagged reflections with the admin token, and nobody else does.
import { beforeEach, describe, expect, it } from 'vitest';
import { call, clearDatabase, envWith, rows } from '../support/worker-harness';

const TOKEN = 'admin-token-for-the-operator-tests-0123';
const adminEnv = envWith({ ADMIN_TOKEN: TOKEN });

beforeEach(async () => {
  await clearDatabase();
  await rows(
    `INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, cycle, next_day, created_at)
     VALUES ('operatorviewaa', 'email', 'op@example.com', 'active', 'UTC', 8, 1, 4, 0)`,
  );
  await rows(
    `INSERT INTO deliveries (subscriber_id, cycle, day, channel, status, attempts, claimed_at, updated_at, last_error)
     VALUES ('operatorviewaa', 1, 3, 'email', 'failed', 9, 0, 0, 'resend 503 application_error: down')`,
  );
  await rows(
    `INSERT INTO reflections (subscriber_id, cycle, day, channel, body, source_id, flagged, received_at)
     VALUES ('operatorviewaa', 1, 3, 'email', 'I am not safe at home', 'src-admin-1', 1, 0)`,
  );
});

describe('GET /admin', () => {
  it('shows counts, the failing step and the flagged reflection with the bearer token', async () => {
    const response = await call('/admin', { headers: { authorization: `Bearer ${TOKEN}` } }, adminEnv);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('resend 503 application_error: down');
    expect(html).toContain('I am not safe at home');
    expect(html).toMatch(/<td>email<\/td><td>active<\/td><td>1<\/td>/);
  });

  it('refuses a wrong token with 401, and does not exist without ADMIN_TOKEN', async () => {
    const wrong = await call('/admin', { headers: { authorization: 'Bearer nope', accept: 'application/json' } }, adminEnv);
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call('/admin', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});
