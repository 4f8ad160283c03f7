import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { auditLog } from '../schema';
import type { DbOrTx } from './types';

export type AuditEntityType =
  | 'client'
  | 'session'
  | 'recording'
  | 'note'
  | 'template'
  | 'settings'
  | 'run'
  | 'risk_flag'
  /** Locking, unlocking, logoff and the passcode: who got in, and when. */
  | 'access'
  /** The audit log itself (its exports). */
  | 'audit'
  | 'library'
  /** A follow-up message for a client (drafted, edited, exported). */
  | 'follow_up';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: AuditEntityType;
  entityId?: string;
  /**
   * Non-identifying context only (counts, field names, codes). Never names, file names,
   * transcript or note text: the audit log must be shareable without exposing PHI.
   */
  detail?: Record<string, string | number | boolean | null>;
}

export function recordAudit(db: DbOrTx, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      actor: entry.actor,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      detailJson: entry.detail ? JSON.stringify(entry.detail) : null,
    })
    .run();
}

export function listAudit(db: DbOrTx) {
  return db.select().from(auditLog).orderBy(auditLog.id).all();
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  /** Exact, or a prefix when it ends with a dot (`note.`). */
  action?: string;
  from?: number;
  to?: number;
}

export type AuditRow = typeof auditLog.$inferSelect;

function whereOf(query: AuditQuery): SQL | undefined {
  const action = query.action;
  return and(
    query.entityType === undefined ? undefined : eq(auditLog.entityType, query.entityType),
    query.entityId === undefined ? undefined : eq(auditLog.entityId, query.entityId),
    action === undefined
      ? undefined
      : action.endsWith('.')
        ? sql`substr(${auditLog.action}, 1, ${action.length}) = ${action}`
        : eq(auditLog.action, action),
    query.from === undefined ? undefined : gte(auditLog.at, query.from),
    query.to === undefined ? undefined : lte(auditLog.at, query.to),
  );
}

/** One page of matching entries, newest first, and how many match in all. */
export function queryAudit(
  db: DbOrTx,
  query: AuditQuery,
  page: { limit: number; offset: number },
): { rows: AuditRow[]; total: number } {
  const where = whereOf(query);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return { rows, total };
}

/** Every matching entry, oldest first (an export reads as a chronicle). */
export function allAudit(db: DbOrTx, query: AuditQuery): AuditRow[] {
  return db.select().from(auditLog).where(whereOf(query)).orderBy(auditLog.id).all();
}
