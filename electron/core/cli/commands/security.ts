import type { Command } from 'commander';
import { createRequire } from 'node:module';
import type * as EncryptModule from '../../security/encrypt-library';
import type { CommandContext } from '../main';

const requireHere = createRequire(__filename);

/** `cairn encrypt-library`: encrypts a library made before Cairn encrypted its data. */
export function registerSecurityCommands(program: Command, context: CommandContext): void {
  program
    .command('encrypt-library')
    .description(
      'encrypt a library made before encryption (checked copy first; run with Cairn closed)',
    )
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { json?: boolean }) => {
      // Required on use, like the core (see main.ts): other commands never load SQLite.
      const { encryptLibrary } = requireHere(
        '../../security/encrypt-library',
      ) as typeof EncryptModule;
      const result = await encryptLibrary(context.dataDir(), context.keyStores());
      if (options.json) return context.io.out(JSON.stringify(result));
      const recordings = `${result.recordings} recording(s) stored in plain encrypted, each checked against its SHA-256.`;
      context.io.out(
        result.encrypted
          ? `Encrypted: ${result.tables} tables, ${result.rows} rows, each checked against the original; ${recordings}`
          : result.recordings > 0
            ? `The database was encrypted already; ${recordings}`
            : 'This library is encrypted already (or empty): nothing to do.',
      );
    });
}
