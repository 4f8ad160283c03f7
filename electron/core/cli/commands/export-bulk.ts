import path from 'node:path';
import type { Command } from 'commander';
import {
  BULK_EXPORT_FORMATS,
  type BulkExportFormat,
  type BulkExportManifest,
  type BulkExportScope,
} from '../../../../shared/api/bulk-export-schemas';
import type { Core } from '../../app/core';
import { PermanentError, ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { resolveClientId } from './brief';
import { followToCompletion } from './process';

interface BulkExportOptions {
  out: string;
  format: string;
  identifiers?: boolean;
  json?: boolean;
}

/** "json,csv" → the formats, each known and once; exit 2 for anything else. */
function formatsOf(value: string): BulkExportFormat[] {
  const asked = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  const unknown = asked.filter((f) => !(BULK_EXPORT_FORMATS as readonly string[]).includes(f));
  if (asked.length === 0 || unknown.length > 0)
    throw new ValidationError(
      'export_format_unknown',
      `--format takes json, csv or json,csv (got "${value}").`,
    );
  return [...new Set(asked)] as BulkExportFormat[];
}

/** What the user reads when it is done: where, what, and in which mode. */
function renderResult(folder: string, manifest: BulkExportManifest): string {
  const { counts } = manifest;
  return [
    `Exported to ${folder}`,
    `${counts.sessions} session(s), ${counts.notes} note(s), ${counts.segments} transcript segment(s), ${counts.clients} client(s), ${counts.goals} plan goal(s); ${manifest.files.length} file(s) listed with their SHA-256 in manifest.json.`,
    manifest.mode === 'identified'
      ? 'Names and identifiers are included: keep this folder as safe as the library itself.'
      : 'Pseudonymised: clients and sessions are named by pseudonyms and free text is de-identified. Free text can still identify someone; treat the folder as confidential.',
  ].join('\n');
}

async function runExport(
  context: CommandContext,
  scopeOf: (core: Core) => Promise<BulkExportScope>,
  options: BulkExportOptions,
): Promise<void> {
  const formats = formatsOf(options.format);
  await context.withCore((core) =>
    withInterruptSignal(async (signal) => {
      const { runId } = await call(core, 'library.export', {
        scope: await scopeOf(core),
        target: path.resolve(options.out),
        formats,
        identifiers: options.identifiers === true,
      });
      await followToCompletion(core, runId, signal, !options.json, 'The export failed.');
      const result = await call(core, 'library.exportResult', { runId });
      if (!result.folder || !result.manifest)
        throw new PermanentError(
          'export_missing',
          'The export finished but its folder is missing.',
        );
      context.io.out(
        options.json
          ? JSON.stringify({ runId, folder: result.folder, manifest: result.manifest })
          : renderResult(result.folder, result.manifest),
      );
    }),
  );
}

const withOptions = (command: Command) =>
  command
    .requiredOption('--out <dir>', 'a new (or empty) folder to export into')
    .option('--format <list>', 'json, csv, or json,csv', 'json,csv')
    .option(
      '--identifiers',
      'include names and Cairn’s ids (default: pseudonymised, free text de-identified)',
    )
    .option('--json', 'print machine-readable JSON ({ runId, folder, manifest })');

/** `cairn export library` and `cairn export client <client>`, under `cairn export`. */
export function registerBulkExportCommands(exportCommand: Command, context: CommandContext): void {
  withOptions(
    exportCommand
      .command('library')
      .description('export every session and client of the library to a folder'),
  ).action((options: BulkExportOptions) =>
    runExport(context, () => Promise.resolve({ kind: 'library' }), options),
  );
  withOptions(
    exportCommand
      .command('client')
      .description('export one client’s sessions and plan to a folder')
      .argument('<client>', 'a client’s name or id (see: cairn clients)'),
  ).action((client: string, options: BulkExportOptions) =>
    runExport(
      context,
      async (core) => ({ kind: 'client', clientId: await resolveClientId(core, client) }),
      options,
    ),
  );
}
