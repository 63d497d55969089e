// GET /health: 200 JSON with the schema version (the newest migration applied to D1).
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

export const healthRoutes = new Hono<AppEnv>().get('/health', async (c) => {
  const row = await c.env.DB.prepare('SELECT name FROM d1_migrations ORDER BY id DESC LIMIT 1').first<{ name: string }>();
  const schemaVersion = row ? Number.parseInt(row.name, 10) : null;
  return c.json({ status: 'ok', schemaVersion, migration: row?.name ?? null });
});
