import type { Command } from 'commander';
import type { CommandContext } from '../main';
import { registerExportNoteCommand } from './export-note';

/**
 * `cairn export …`: the parent of every export. Each kind registers its own subcommand here
 * (`cairn export note`; the library and client exports join it), so this stays a list.
 */
export function registerExportCommand(program: Command, context: CommandContext): void {
  const parent = program
    .command('export')
    .description('export a note (PDF, Word, Markdown, text for an EHR, FHIR) and more');
  registerExportNoteCommand(parent, context);
}
