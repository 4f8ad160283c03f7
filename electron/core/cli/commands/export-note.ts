import path from 'node:path';
import { Option, type Command } from 'commander';
import {
  CLIENT_NAMING,
  NOTE_EXPORT_FORMATS,
  type ClientNaming,
  type NoteExportFormat,
} from '../../../../shared/api/note-export-schemas';
import type { Core } from '../../app/core';
import { CairnError, ValidationError } from '../../errors';
import { call } from '../call';
import type { CommandContext } from '../main';

interface ExportNoteOptions {
  format: NoteExportFormat;
  out?: string;
  names?: ClientNaming;
  template?: string;
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `cairn export note <note-or-session-id> --format …`: one note as a file (or text on stdout). */
export function registerExportNoteCommand(parent: Command, context: CommandContext): void {
  parent
    .command('note')
    .description('export one note; an unsigned note is marked "Draft — not signed" in every format')
    .argument('<note-or-session-id>', 'a note id, or a session id (its note; see: cairn sessions)')
    .addOption(
      new Option('--format <format>', 'pdf, docx (Word), md (Markdown), ehr (text to paste), fhir')
        .choices(NOTE_EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write it to this file (needed for pdf and docx)')
    .addOption(
      new Option(
        '--names <how>',
        'name the client by initials or full name (default: settings)',
      ).choices(CLIENT_NAMING),
    )
    .option(
      '--template <id>',
      "a session's note of this template (default: settings, else its newest)",
    )
    .option('--json', 'print { noteId, format, fileName, mimeType, bytes, path, text? } as JSON')
    .action(async (id: string, options: ExportNoteOptions) => {
      if (!UUID.test(id))
        throw new ValidationError(
          'note_not_found',
          `"${id}" is not a note or session id. See the sessions with: cairn sessions`,
        );
      const binary = options.format === 'pdf' || options.format === 'docx';
      if (binary && options.out === undefined)
        throw new ValidationError(
          'export_out_missing',
          `A ${options.format} export is a file: name it with --out FILE.${options.format}.`,
        );
      await context.withCore(async (core) => {
        const noteId = await noteIdOf(core, id, options.template);
        const result = await call(core, 'notes.export', {
          noteId,
          format: options.format,
          names: options.names,
          path: options.out === undefined ? undefined : path.resolve(options.out),
        });
        if (options.json) {
          context.io.out(JSON.stringify({ noteId, format: options.format, ...result }));
          return;
        }
        if (result.path !== null)
          context.io.out(`Saved as ${result.path} (${result.bytes} bytes).`);
        else context.io.out(result.text ?? '');
      });
    });
}

/** The id as a note's, else as a session's: its note of the template asked, the default, or the newest. */
async function noteIdOf(core: Core, id: string, template?: string): Promise<string> {
  try {
    return (await call(core, 'notes.get', { id })).id;
  } catch (error) {
    if (!(error instanceof CairnError) || error.code !== 'note_not_found') throw error;
  }
  await call(core, 'sessions.get', { id });
  const notes = await call(core, 'notes.list', { sessionId: id });
  const wanted = template ?? ((await call(core, 'settings.get', {})).defaultTemplate as string);
  const note = notes.find((n) => n.templateId === wanted) ?? (template ? undefined : notes[0]);
  if (!note)
    throw new ValidationError(
      'note_not_found',
      template
        ? `This session has no ${template} note.`
        : 'This session has no note yet. Write one with: cairn notes <session-id>',
    );
  return note.id;
}
