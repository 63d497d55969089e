// The drizzle-orm handle over the D1 binding.
import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

export type Database = ReturnType<typeof openDatabase>;

/** Wraps the D1 binding in drizzle with the project's schema. */
export function openDatabase(d1: D1Database) {
  return drizzle(d1, { schema });
}
