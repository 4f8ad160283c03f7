import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { settings } from '../schema';
import type { DbOrTx } from './types';

/** Reads a setting through its schema; a missing or no-longer-valid value yields the fallback. */
export function getSetting<T>(db: DbOrTx, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  if (!row) return fallback;
  const parsed = schema.safeParse(JSON.parse(row.valueJson));
  return parsed.success ? parsed.data : fallback;
}

export function setSetting(db: DbOrTx, key: string, value: unknown): void {
  const valueJson = JSON.stringify(value);
  db.insert(settings)
    .values({ key, valueJson })
    .onConflictDoUpdate({
      target: settings.key,
      set: { valueJson, updatedAt: sql`(unixepoch('subsec') * 1000)` },
    })
    .run();
}

export function deleteSetting(db: DbOrTx, key: string): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
