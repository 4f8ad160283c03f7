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

/**
 * A value made once and kept (a per-library secret): the first writer wins, so two processes
 * creating it at the same time end up reading the same value.
 */
export function getOrCreateSetting(db: DbOrTx, key: string, create: () => string): string {
  db.insert(settings)
    .values({ key, valueJson: JSON.stringify(create()) })
    .onConflictDoNothing()
    .run();
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return JSON.parse(row?.valueJson ?? 'null') as string;
}

export function deleteSetting(db: DbOrTx, key: string): void {
  db.delete(settings).where(eq(settings.key, key)).run();
}
