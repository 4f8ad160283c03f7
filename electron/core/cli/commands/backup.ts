import type { Command } from 'commander';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as RestoreModule from '../../backup/restore-backup';
import { call } from '../call';
import type { CommandContext } from '../main';

const requireHere = createRequire(__filename);

/** `cairn backup` (online, through the core) and `cairn restore` (into a data directory). */
export function registerBackupCommands(program: Command, context: CommandContext): void {
  program
    .command('backup')
    .description('back the library up (also while Cairn runs) into a new folder inside DIR')
    .requiredOption('--out <dir>', 'where the cairn-backup-<time> folder is made')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { out: string; json?: boolean }) => {
      const result = await context.withCore((core) =>
        call(core, 'library.backup', { destination: path.resolve(options.out) }),
      );
      if (options.json) return context.io.out(JSON.stringify(result));
      context.io.out(
        `Backed up ${result.sessions} sessions (${result.files} files, ${result.bytes} bytes) to ${result.folder}`,
      );
    });

  program
    .command('restore')
    .description('restore a backup into the data directory (--data-dir); run with Cairn closed')
    .argument('<backup-dir>', 'the cairn-backup-… folder')
    .option('--replace', 'move the library already there aside (kept) and restore in its place')
    .option('--json', 'print machine-readable JSON')
    .action(async (backup: string, options: { replace?: boolean; json?: boolean }) => {
      // Required on use, like the core (see main.ts): other commands never load SQLite.
      const { restoreBackup } = requireHere('../../backup/restore-backup') as typeof RestoreModule;
      const result = await restoreBackup({
        backup,
        target: context.dataDir(),
        replace: options.replace ?? false,
        // The backup carries the library's passphrase-wrapped key, if it has one.
        keyStores: context.keyStores(backup),
      });
      if (options.json) return context.io.out(JSON.stringify(result));
      context.io.out(
        `Restored ${result.sessions} sessions (${result.files} files, each checked) into ${result.dataDir}.`,
      );
      if (result.previousMovedTo)
        context.io.out(`The library that was there is kept in ${result.previousMovedTo}.`);
    });
}
