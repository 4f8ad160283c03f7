import { stringify } from 'csv-stringify/sync';
import type { AuditEntry } from '../../../shared/api/security-schemas';
import type { AuditRow } from '../store/repositories/audit';

export type AuditExportFormat = 'csv' | 'jsonl';

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    detail: row.detailJson ? (JSON.parse(row.detailJson) as AuditEntry['detail']) : null,
  };
}

/**
 * The entries as CSV (a header row; the time as ISO 8601 UTC; detail as JSON) or JSON Lines (one
 * entry per line). CSV cells that a spreadsheet would run as a formula are escaped.
 */
export function formatAudit(entries: AuditEntry[], format: AuditExportFormat): string {
  if (format === 'jsonl')
    return entries
      .map((e) => JSON.stringify({ ...e, at: new Date(e.at).toISOString() }) + '\n')
      .join('');
  return stringify(
    entries.map((e) => [
      e.id,
      new Date(e.at).toISOString(),
      e.actor,
      e.action,
      e.entityType,
      e.entityId ?? '',
      e.detail ? JSON.stringify(e.detail) : '',
    ]),
    {
      header: true,
      columns: ['id', 'at', 'actor', 'action', 'entity_type', 'entity_id', 'detail'],
      escape_formulas: true,
    },
  );
}
