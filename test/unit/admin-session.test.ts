// The operator's session cookie opens the admin only for the ADMIN_TOKEN that made it, and only until it expires.
import { describe, expect, it } from 'vitest';
import { signAdminSession, verifyAdminSession } from '../../src/security/admin-session';
import { isAdminToken } from '../../src/security/admin-token';

const TOKEN = 'admin-token-for-the-session-tests-0123';
const NOW = Date.UTC(2026, 5, 1, 12);

describe('admin session', () => {
  it('accepts its own value until it expires, and never makes the same value twice', async () => {
    const value = await signAdminSession(TOKEN, NOW, 60_000);
    expect(value).not.toContain(TOKEN);
    expect(await signAdminSession(TOKEN, NOW, 60_000)).not.toBe(value);
    expect(await verifyAdminSession(TOKEN, value, NOW)).toBe(true);
    expect(await verifyAdminSession(TOKEN, value, NOW + 59_999)).toBe(true);
    expect(await verifyAdminSession(TOKEN, value, NOW + 60_000)).toBe(false);
  });

  it('refuses another token, a changed expiry or MAC, garbage, and no token configured', async () => {
    const value = await signAdminSession(TOKEN, NOW, 60_000);
    const [expiresAt, nonce, mac] = value.split('.') as [string, string, string];
    expect(await verifyAdminSession(`${TOKEN}x`, value, NOW)).toBe(false);
    expect(await verifyAdminSession(TOKEN, `${Number(expiresAt) + 1}.${nonce}.${mac}`, NOW)).toBe(false);
    expect(await verifyAdminSession(TOKEN, `${expiresAt}.${nonce.slice(0, -1)}${nonce.endsWith('a') ? 'b' : 'a'}.${mac}`, NOW)).toBe(false);
    expect(await verifyAdminSession(TOKEN, `${expiresAt}.${nonce}.${mac.slice(0, -1)}${mac.endsWith('a') ? 'b' : 'a'}`, NOW)).toBe(false);
    expect(await verifyAdminSession(TOKEN, TOKEN, NOW)).toBe(false);
    expect(await verifyAdminSession(TOKEN, undefined, NOW)).toBe(false);
    expect(await verifyAdminSession(null, value, NOW)).toBe(false);
  });
});

describe('isAdminToken', () => {
  it('matches ADMIN_TOKEN exactly, ignoring surrounding spaces, and never without one configured', async () => {
    expect(await isAdminToken(TOKEN, TOKEN)).toBe(true);
    expect(await isAdminToken(` ${TOKEN}\n`, TOKEN)).toBe(true);
    expect(await isAdminToken(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(await isAdminToken('', TOKEN)).toBe(false);
    expect(await isAdminToken('', null)).toBe(false);
  });
});
