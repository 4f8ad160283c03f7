import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatAudit, toAuditEntry } from '../audit/audit-export';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import { allAudit, queryAudit, recordAudit } from '../store/repositories/audit';
import type { Handlers } from './handlers';

type AuditHandlers = Pick<Handlers, 'audit.list' | 'audit.export'>;

/** The audit log, viewable and exportable; it holds ids and codes only, never content. */
export function createAuditHandlers(context: { db: Db; actor: string }): AuditHandlers {
  const { db, actor } = context;
  return {
    'audit.list': ({ limit = 100, offset = 0, ...filter }) => {
      const { rows, total } = queryAudit(db, filter, { limit, offset });
      return { entries: rows.map(toAuditEntry), total };
    },
    'audit.export': async ({ format = 'csv', path: target, ...filter }) => {
      if (target !== undefined) checkTarget(target, format);
      const entries = allAudit(db, filter).map(toAuditEntry);
      const text = formatAudit(entries, format);
      if (target !== undefined) {
        try {
          await writeFile(target, text, { mode: 0o600 });
        } catch (error) {
          throw new ValidationError(
            'export_unwritable',
            `Cairn could not write ${target}: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Choose a folder you can write to.`,
            { cause: error },
          );
        }
      }
      // Who took a copy of the log, how much and in which form; never where (a path can name someone).
      recordAudit(db, {
        actor,
        action: 'audit.exported',
        entityType: 'audit',
        detail: { rows: entries.length, format, toFile: target !== undefined },
      });
      return {
        format,
        rows: entries.length,
        path: target ?? null,
        text: target === undefined ? text : null,
      };
    },
  };
}

/**
 * Only a file named for its format, at an absolute path: a page asking the core to write
 * elsewhere (over a script, a configuration file) is refused.
 */
function checkTarget(target: string, format: 'csv' | 'jsonl'): void {
  if (!path.isAbsolute(target))
    throw new ValidationError(
      'export_path_relative',
      'Give the export file as a full path, for example /Users/me/Documents/audit.csv.',
    );
  if (path.extname(target).toLowerCase() !== `.${format}`)
    throw new ValidationError(
      'export_path_extension',
      `A ${format.toUpperCase()} export must be saved as a .${format} file.`,
    );
}
