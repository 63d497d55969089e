// GET /health: 200 JSON with the schema version (how many migrations D1 has applied, and the newest one's name).
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  const row = await c.env.DB.prepare('SELECT count(*) AS applied, max(name) AS latest FROM d1_migrations').first<{ applied: number; latest: string | null }>();
  return c.json({ status: 'ok', schemaVersion: row?.applied ?? 0, migration: row?.latest ?? null });
});
