// Checks the admin token (a `Bearer` header or a typed-in value) against ADMIN_TOKEN in constant time; none configured means no admin.
const encoder = new TextEncoder();

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', encoder.encode(value));
}

/** True when `given` is ADMIN_TOKEN (surrounding spaces ignored); hashing first makes the comparison length-independent. */
export async function isAdminToken(given: string, adminToken: string | null): Promise<boolean> {
  if (!adminToken) return false;
  const [a, b] = await Promise.all([digest(given.trim()), digest(adminToken)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

/** True when `authorization` is `Bearer <ADMIN_TOKEN>`. */
export async function hasAdminToken(authorization: string | undefined, adminToken: string | null): Promise<boolean> {
  if (!authorization?.startsWith('Bearer ')) return false;
  return isAdminToken(authorization.slice(7), adminToken);
}
