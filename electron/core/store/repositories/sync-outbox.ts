import { and, asc, desc, eq, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { sessions } from '../schema';
import { syncOutbox } from '../schema-sync';
import type { DbOrTx } from './types';

export type OutboxRow = typeof syncOutbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

export interface NewOutboxItem {
  sessionId: string;
  kind: string;
  version: number;
  objectKey: string;
  payload: string;
}

/**
 * Queues a payload for upload; a session's payload of one kind and version is queued once, so an
 * approval and a sweep racing each other (two processes) leave one row. Returns whether it was new.
 */
export function enqueueOutboxItem(db: DbOrTx, item: NewOutboxItem): boolean {
  return (
    db
      .insert(syncOutbox)
      .values({ id: randomUUID(), ...item })
      .onConflictDoNothing()
      .run().changes > 0
  );
}

/** Approved sessions with no row of this kind and version yet (approved before sharing was on). */
export function approvedSessionsNotQueued(db: DbOrTx, kind: string, version: number): string[] {
  return db
    .select({ id: sessions.id })
    .from(sessions)
    .leftJoin(
      syncOutbox,
      and(
        eq(syncOutbox.sessionId, sessions.id),
        eq(syncOutbox.kind, kind),
        eq(syncOutbox.version, version),
      ),
    )
    .where(and(eq(sessions.status, 'approved'), isNull(syncOutbox.id)))
    .all()
    .map((row) => row.id);
}

/** Pending items, oldest first; `dueBy` leaves out those still backing off after a failure. */
export function pendingOutboxItems(db: DbOrTx, dueBy?: number): OutboxRow[] {
  const due =
    dueBy === undefined
      ? undefined
      : or(isNull(syncOutbox.nextAttemptAt), lte(syncOutbox.nextAttemptAt, dueBy));
  return db
    .select()
    .from(syncOutbox)
    .where(and(eq(syncOutbox.status, 'pending'), due))
    .orderBy(asc(syncOutbox.createdAt), asc(sql`rowid`))
    .all();
}

export function outboxItemsOfSession(db: DbOrTx, sessionId: string): OutboxRow[] {
  return db
    .select()
    .from(syncOutbox)
    .where(eq(syncOutbox.sessionId, sessionId))
    .orderBy(asc(syncOutbox.createdAt))
    .all();
}

/** Counted before the request goes out, so a process killed mid-upload still shows the try. */
export function countOutboxAttempt(db: DbOrTx, id: string): void {
  db.update(syncOutbox)
    .set({ attempts: sql`${syncOutbox.attempts} + 1`, updatedAt: Date.now() })
    .where(eq(syncOutbox.id, id))
    .run();
}

export function markOutboxUploaded(db: DbOrTx, id: string): void {
  const now = Date.now();
  db.update(syncOutbox)
    .set({
      status: 'uploaded',
      uploadedAt: now,
      lastError: null,
      nextAttemptAt: null,
      updatedAt: now,
    })
    .where(eq(syncOutbox.id, id))
    .run();
}

/** Never uploaded: the payload holds something the de-identifier recognises. */
export function markOutboxBlocked(
  db: DbOrTx,
  id: string,
  categories: string[],
  reason: string,
): void {
  db.update(syncOutbox)
    .set({
      status: 'blocked',
      blockedCategories: categories.join(','),
      lastError: reason,
      nextAttemptAt: null,
      updatedAt: Date.now(),
    })
    .where(eq(syncOutbox.id, id))
    .run();
}

/** Stays pending, not tried again before `nextAttemptAt`. */
export function markOutboxFailed(
  db: DbOrTx,
  id: string,
  failure: { message: string; nextAttemptAt: number },
): void {
  db.update(syncOutbox)
    .set({
      lastError: failure.message,
      nextAttemptAt: failure.nextAttemptAt,
      updatedAt: Date.now(),
    })
    .where(eq(syncOutbox.id, id))
    .run();
}

export function getOutboxItem(db: DbOrTx, id: string): OutboxRow | undefined {
  return db.select().from(syncOutbox).where(eq(syncOutbox.id, id)).get();
}

export function outboxCounts(db: DbOrTx): Record<OutboxStatus, number> {
  const counts: Record<OutboxStatus, number> = { pending: 0, uploaded: 0, blocked: 0 };
  for (const row of db
    .select({ status: syncOutbox.status, count: sql<number>`count(*)` })
    .from(syncOutbox)
    .groupBy(syncOutbox.status)
    .all())
    counts[row.status] = row.count;
  return counts;
}

/** The most recent problem of an item still waiting: what the status line reports. */
export function latestPendingError(db: DbOrTx): OutboxRow | undefined {
  return db
    .select()
    .from(syncOutbox)
    .where(and(eq(syncOutbox.status, 'pending'), isNotNull(syncOutbox.lastError)))
    .orderBy(desc(syncOutbox.updatedAt))
    .limit(1)
    .get();
}

export function blockedOutboxItems(db: DbOrTx, limit = 50): OutboxRow[] {
  return db
    .select()
    .from(syncOutbox)
    .where(eq(syncOutbox.status, 'blocked'))
    .orderBy(desc(syncOutbox.updatedAt))
    .limit(limit)
    .all();
}
