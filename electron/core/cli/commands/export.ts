import type { Command } from 'commander';
import type { CommandContext } from '../main';
import { registerBulkExportCommands } from './export-bulk';

/** `cairn export …`: records out of Cairn, to files the user chooses. */
export function registerExportCommand(program: Command, context: CommandContext): void {
  const exportCommand = program
    .command('export')
    .description('export records to files: the library or one client (JSON, CSV, manifest)');
  registerBulkExportCommands(exportCommand, context);
}
