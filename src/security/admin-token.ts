// Checks a `Bearer` admin token against ADMIN_TOKEN in constant time; no token configured means no admin access.
const encoder = new TextEncoder();

async function digest(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest('SHA-256', encoder.encode(value));
}

/** True when `authorization` is `Bearer <ADMIN_TOKEN>`. Hashing first makes the comparison length-independent. */
export async function hasAdminToken(authorization: string | undefined, adminToken: string | null): Promise<boolean> {
  if (!adminToken || !authorization?.startsWith('Bearer ')) return false;
  const [given, expected] = await Promise.all([digest(authorization.slice(7).trim()), digest(adminToken)]);
  return crypto.subtle.timingSafeEqual(given, expected);
}
