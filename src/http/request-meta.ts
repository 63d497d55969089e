// Small readers of the incoming request: the client's network (IPv4 address or IPv6 /64) and whether it came from a browser form.
import type { Context } from 'hono';

export { readJsonOrForm, type BodyKind } from './read-body';

/** The client IP Cloudflare reports, or null (local tools may not send it). */
export function clientIp(c: Context): string | null {
  return c.req.header('cf-connecting-ip') ?? null;
}

/** True when the client prefers an HTML page to JSON (a browser submitting a form). */
export function wantsHtml(c: Context): boolean {
  const accept = c.req.header('accept') ?? '';
  return accept.includes('text/html');
}

function parseIpv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return null;
  return parts.map(Number);
}

/** The eight 16-bit groups of an IPv6 address in any form (compressed, with an embedded IPv4 tail), or null. */
function parseIpv6(text: string): number[] | null {
  let address = text;
  const lastColon = address.lastIndexOf(':');
  if (address.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(address.slice(lastColon + 1));
    if (!v4) return null;
    address = `${address.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : NaN)));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if ([...left, ...right].some(Number.isNaN)) return null;
  const known = left.length + right.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  return [...left, ...new Array<number>(8 - known).fill(0), ...right];
}

/**
 * The network a client is counted by: an IPv4 address as it is, an IPv6 address by its /64 (one home or one
 * host's whole allocation), whatever form it is written in; an IPv4-mapped IPv6 address counts as the IPv4
 * address, and a zone suffix is ignored. Anything unreadable counts as itself.
 */
export function clientNetwork(ip: string): string {
  const text = ip.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = parseIpv4(text);
  if (v4) return v4.join('.');
  const groups = parseIpv6(text);
  if (!groups) return text;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
