import { readSetting } from '../config/settings';
import { FORMAT_FILES, paperFor, renderExport } from '../export/note/export-note';
import { noteDocument } from '../export/note/note-document';
import { checkExportPath, writeExportFile } from '../export/note/write-export';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import type { Handlers } from './handlers';

type NoteExportHandlers = Pick<Handlers, 'notes.export'>;

/** A note exported as a file or as text; audited by the note's id and the format, never content. */
export function createNoteExportHandlers(context: {
  db: Db;
  actor: string;
  resourcesDir?: string;
  /** The computer's locale, for the paper size when the setting is auto (tests pass their own). */
  locale?: string;
  now?: () => number;
}): NoteExportHandlers {
  const { db, actor } = context;
  const now = context.now ?? Date.now;
  return {
    'notes.export': async ({ noteId, format, names, path: target }) => {
      if (target !== undefined) await checkExportPath(target, FORMAT_FILES[format].extension);
      const doc = noteDocument(db, noteId, { names, actor, resourcesDir: context.resourcesDir });
      const locale = context.locale ?? Intl.DateTimeFormat().resolvedOptions().locale;
      const rendered = await renderExport(doc, format, {
        paper: paperFor(readSetting(db, 'exportPaperSize'), locale),
        now: now(),
      });
      if (target !== undefined) await writeExportFile(target, rendered.bytes);
      transaction(db, (tx) =>
        recordAudit(tx, {
          actor,
          action: 'note.exported',
          entityType: 'note',
          entityId: noteId,
          // Which note, in which form, naming the client how, to a file or not; never where.
          detail: {
            format,
            names: names ?? readSetting(tx, 'exportClientName'),
            signed: doc.signed !== null,
            toFile: target !== undefined,
          },
        }),
      );
      const result = {
        fileName: rendered.fileName,
        mimeType: rendered.mimeType,
        bytes: rendered.bytes.length,
        path: target ?? null,
      };
      if (target !== undefined) return result;
      return rendered.text === null
        ? { ...result, base64: rendered.bytes.toString('base64') }
        : { ...result, text: rendered.text };
    },
  };
}
