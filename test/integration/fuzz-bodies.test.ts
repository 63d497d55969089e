// No route answers 5xx to any body: thousands of generated bodies (fixed seed) over every POST route, each counted by status.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { computeTwilioSignature, decodeTwilioForm } from '../../src/security/twilio-signature';
import { signToken } from '../../src/security/tokens';
import { buildServices } from '../../src/services';
import { call, clearDatabase, envWith } from '../support/worker-harness';

const BODIES_PER_ROUTE = 220;
const BASE = 'http://localhost:8787';
const AUTH_TOKEN = 'test_auth_token_fuzz_bodies_0123456789';
const fuzzEnv = envWith({
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  PUBLIC_URL: BASE,
  ADMIN_TOKEN: 'admin-token-for-the-fuzz-tests-0123456789',
  RESEND_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  SIGNUP_RATE_LIMIT: '0',
});

/** mulberry32: a small seeded PRNG, so every run sends the same bodies. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const encoder = new TextEncoder();

interface FuzzBody {
  kind: string;
  contentType: string | null;
  body: Uint8Array;
}

const FIELD_NAMES = ['email', 'phone', 'channel', 'country', 'timezone', 'sendHour', 'consent', 'token', 'next', 'round', 'confirm', 'Body', 'From', 'MessageSid', 'MessageStatus', 'ErrorCode', 'OptOutType', 'type', 'data', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'a[b]', 'x'.repeat(300)];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=iso-8859-1',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=XYZ',
  'text/plain',
  'application/xml',
  'application/octet-stream',
  'image/png',
  ';;;',
  'application/json; boundary=x; charset="',
];

function generator(seed: number) {
  const random = prng(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const bytes = (length: number) => Uint8Array.from({ length }, () => int(256));
  const text = (length: number) => {
    const alphabet = ['a', 'Z', '0', ' ', '%', '&', '=', '+', '"', '\\', '{', '}', '[', ']', ':', ',', '\n', '\u0000', 'é', '€', '\u{1F600}', '\uD800', '@', '.', '<', '>', '%0A', '%zz', '%C3%28'];
    return Array.from({ length }, () => pick(alphabet)).join('');
  };
  const value = (depth = 0): unknown => {
    switch (int(depth > 3 ? 5 : 8)) {
      case 0: return text(int(40));
      case 1: return int(100_000) - 50_000;
      case 2: return random() < 0.5;
      case 3: return null;
      case 4: return pick(['+881631234567', '+19002345678', 'a@b.co', '+14155550123', 'America/New_York', 'Mars/Olympus', 'sms', 'email', '12', 'on', '1e309']);
      case 5: return Array.from({ length: int(4) }, () => value(depth + 1));
      default: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(FIELD_NAMES), value(depth + 1)]));
    }
  };
  const form = () => Array.from({ length: int(8) }, () => `${random() < 0.8 ? encodeURIComponent(pick(FIELD_NAMES)) : text(5)}=${random() < 0.7 ? encodeURIComponent(JSON.stringify(value(2)) ?? "") : text(10)}`).join(random() < 0.9 ? '&' : '&&;');
  const kinds: [string, () => FuzzBody][] = [
    ['random bytes', () => ({ kind: 'random bytes', contentType: pick(CONTENT_TYPES), body: bytes(int(3000)) })],
    ['non-UTF-8 form', () => ({ kind: 'non-UTF-8 form', contentType: 'application/x-www-form-urlencoded', body: Uint8Array.from([...encoder.encode('email='), 0xff, 0xfe, 0xc3, 0x28, ...encoder.encode('&channel=sms&phone='), 0xe2, 0x82, ...bytes(int(50))]) })],
    ['non-UTF-8 JSON', () => ({ kind: 'non-UTF-8 JSON', contentType: 'application/json', body: Uint8Array.from([...encoder.encode('{"email":"'), 0xc0, 0xaf, 0xed, 0xa0, 0x80, ...encoder.encode('"}')]) })],
    ['broken JSON', () => {
      const json = JSON.stringify(value());
      const cut = json === undefined ? '' : json.slice(0, int(json.length + 1)) + (random() < 0.5 ? text(int(6)) : '');
      return { kind: 'broken JSON', contentType: pick(CONTENT_TYPES.slice(0, 3)), body: encoder.encode(cut) };
    }],
    ['JSON of every shape', () => ({ kind: 'JSON of every shape', contentType: 'application/json', body: encoder.encode(JSON.stringify(value()) ?? 'null') })],
    ['deep nesting', () => {
      const depth = 100 + int(8000);
      const open = random() < 0.5 ? '['.repeat(depth) : '{"a":'.repeat(depth);
      return { kind: 'deep nesting', contentType: random() < 0.8 ? 'application/json' : 'application/x-www-form-urlencoded', body: encoder.encode(open) };
    }],
    ['form fields', () => ({ kind: 'form fields', contentType: 'application/x-www-form-urlencoded', body: encoder.encode(form()) })],
    ['multipart without boundary', () => ({ kind: 'multipart without boundary', contentType: pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary="']), body: encoder.encode(`--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.co\r\n--XYZ--\r\n`) })],
    ['multipart without names', () => {
      const parts = Array.from({ length: 1 + int(4) }, () => `--XYZ\r\nContent-Disposition: form-data${random() < 0.5 ? '' : `; name="${pick(FIELD_NAMES)}"`}${random() < 0.3 ? '; filename="x.bin"' : ''}\r\n\r\n${text(int(30))}\r\n`);
      return { kind: 'multipart without names', contentType: 'multipart/form-data; boundary=XYZ', body: encoder.encode(parts.join('') + (random() < 0.7 ? '--XYZ--\r\n' : '')) };
    }],
    ['huge field', () => ({ kind: 'huge field', contentType: pick(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=XYZ']), body: encoder.encode(`{"email":"${'a'.repeat(16 * 1024 + int(200_000))}@b.co"}`) })],
    ['wrong content type', () => ({ kind: 'wrong content type', contentType: pick(['text/plain', 'application/xml', 'text/html', 'application/csp-report', '', 'x/y']), body: encoder.encode(JSON.stringify({ email: 'a@b.co' })) })],
    ['no content type', () => ({ kind: 'no content type', contentType: null, body: encoder.encode(random() < 0.5 ? form() : '') })],
  ];
  return () => pick(kinds)[1]();
}

async function send(path: string, fuzz: FuzzBody, headers: Record<string, string> = {}): Promise<number> {
  const all: Record<string, string> = { 'cf-connecting-ip': `198.51.100.${1 + (fuzz.body.length % 250)}`, ...headers };
  if (fuzz.contentType !== null) all['content-type'] = fuzz.contentType;
  const response = await call(path, { method: 'POST', headers: all, body: fuzz.body }, fuzzEnv);
  await response.arrayBuffer();
  return response.status;
}

describe('every POST route under fuzzed bodies', () => {
  it(`answers ${BODIES_PER_ROUTE} generated bodies per route without a single 5xx`, async () => {
    await clearDatabase();
    const secret = buildServices(fuzzEnv).config.tokenSecret;
    const id = 'fuzzaaaaaaaaaab';
    await env.DB.prepare("INSERT INTO subscribers (id, channel, address, status, timezone, send_hour, created_at, confirmed_at, next_day) VALUES (?, 'email', 'fuzz@example.com', 'active', 'UTC', 8, 1, 1, 1)").bind(id).run();
    const journal = await signToken(secret, 'journal', id);
    const unsubscribe = await signToken(secret, 'unsubscribe', id);
    const twilio = async (path: string, fuzz: FuzzBody, signIt: boolean): Promise<Record<string, string>> => {
      if (!signIt) return {};
      let params;
      try {
        params = decodeTwilioForm(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fuzz.body));
      } catch {
        return {};
      }
      return { 'x-twilio-signature': await computeTwilioSignature(AUTH_TOKEN, `${BASE}${path}`, params) };
    };
    const routes: [string, (fuzz: FuzzBody, index: number) => Promise<Record<string, string>>][] = [
      ['/api/subscribe', async () => ({})],
      ['/confirm?token=x', async () => ({})],
      [`/u/${unsubscribe}`, async () => ({})],
      [`/journal/${journal}/pause`, async () => ({})],
      [`/journal/${journal}/resume`, async () => ({})],
      [`/journal/${journal}/restart`, async () => ({})],
      [`/journal/${journal}/settings`, async () => ({})],
      [`/journal/${journal}/delete`, async () => ({})],
      ['/admin/login', async () => ({})],
      ['/admin/logout', async () => ({})],
      ['/webhooks/twilio/sms', (fuzz, index) => twilio('/webhooks/twilio/sms', fuzz, index % 2 === 0)],
      ['/webhooks/twilio/status', (fuzz, index) => twilio('/webhooks/twilio/status', fuzz, index % 2 === 0)],
      ['/webhooks/resend', async () => ({ 'svix-id': 'msg_1', 'svix-timestamp': String(Math.floor(Date.now() / 1000)), 'svix-signature': 'v1,AAAA' })],
    ];
    const totals = new Map<number, number>();
    const serverErrors: string[] = [];
    const lines: string[] = [];
    for (const [routeIndex, [path, headersFor]] of routes.entries()) {
      const next = generator(0x5eed + routeIndex);
      const counts = new Map<number, number>();
      for (let index = 0; index < BODIES_PER_ROUTE; index++) {
        const fuzz = next();
        const status = await send(path, fuzz, await headersFor(fuzz, index));
        counts.set(status, (counts.get(status) ?? 0) + 1);
        totals.set(status, (totals.get(status) ?? 0) + 1);
        if (status >= 500) serverErrors.push(`${path} ${fuzz.kind} ${fuzz.contentType} → ${status}`);
      }
      lines.push(`${path.replace(/\/(journal|u)\/[^/]+/, '/$1/:token')}: ${[...counts].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}`);
    }
    const total = [...totals.values()].reduce((sum, count) => sum + count, 0);
    console.info(`fuzzed ${total} bodies over ${routes.length} routes: ${[...totals].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ')}\n  ${lines.join('\n  ')}`);
    expect(serverErrors).toEqual([]);
    expect(total).toBe(routes.length * BODIES_PER_ROUTE);
    // The generator reaches every kind of refusal and some acceptances, so "no 5xx" means something.
    for (const status of [400, 413, 415]) expect(totals.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect([...totals.keys()].some((status) => status < 400)).toBe(true);
  }, 300_000);
});
