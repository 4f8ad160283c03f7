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
  | 'library';

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
