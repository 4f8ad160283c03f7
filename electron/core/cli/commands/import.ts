import { Option, type Command } from 'commander';
import { SESSION_KINDS, type SessionKind } from '../../../../shared/domain/enums';
import path from 'node:path';
import { checkFile } from '../../audio/intake/validate-recording';
import { call } from '../call';
import type { CommandContext } from '../main';

interface ImportOptions {
  client?: string;
  date?: string;
  kind?: SessionKind;
  acceptTruncated?: boolean;
  json?: boolean;
}

export function registerImportCommand(program: Command, context: CommandContext): void {
  program
    .command('import')
    .description('copy a recording into Cairn and create its session; prints the session id')
    .argument('<file>', 'the recording (it is copied; the original is never changed)')
    .option('--client <name>', 'the client this session belongs to (created if new)')
    .option('--date <YYYY-MM-DD>', 'the day of the session (default: today)')
    .addOption(new Option('--kind <kind>', 'kind of session').choices(SESSION_KINDS))
    .option('--accept-truncated', 'keep a recording that stops before its header says it should')
    .option('--json', 'print machine-readable JSON')
    .action(async (file: string, options: ImportOptions) => {
      // Checked before the library is opened, so a typo never creates an empty library.
      await checkFile(path.resolve(file), Number.POSITIVE_INFINITY); // the size limit is a library setting
      const result = await context.withCore((core) =>
        call(core, 'recordings.import', {
          path: file,
          clientName: options.client,
          date: options.date,
          kind: options.kind,
          acceptTruncated: options.acceptTruncated,
        }),
      );
      if (options.json) {
        context.io.out(JSON.stringify(result));
      } else if (result.alreadyImported) {
        context.io.out(`Already imported: this recording belongs to session ${result.sessionId}`);
      } else {
        context.io.out(`Imported session ${result.sessionId}`);
      }
    });
}
