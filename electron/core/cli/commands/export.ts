import type { Command } from 'commander';
import type { CommandContext } from '../main';
import { registerBulkExportCommands } from './export-bulk';
import { registerExportNoteCommand } from './export-note';

/**
 * `cairn export …`: records out of Cairn, to files the user chooses. Each kind registers its own
 * subcommand here (`cairn export note`, `cairn export library`, `cairn export client`), so this
 * stays a list.
 */
export function registerExportCommand(program: Command, context: CommandContext): void {
  const parent = program
    .command('export')
    .description(
      'export a note (PDF, Word, Markdown, text for an EHR, FHIR), or the library or one client (JSON, CSV, manifest)',
    );
  registerExportNoteCommand(parent, context);
  registerBulkExportCommands(parent, context);
}
