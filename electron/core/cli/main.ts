import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { CAIRN_VERSION } from '../app/version';
import type * as CoreModule from '../app/core';
import type * as KeyStoresModule from '../security/node-key-stores';
import type { KeyStore } from '../security/library-key';
import { cliPassphraseSource } from '../security/passphrase-sources';
import type { Core } from '../app/core';

import { movablePointer, resolveDataDir } from '../config/data-dir';
import { CairnError, CancelledError, toCairnError } from '../errors';
import { registerAuditCommands } from './commands/audit';
import { registerBackupCommands } from './commands/backup';
import { registerBriefCommand } from './commands/brief';
import { registerClientCommands } from './commands/clients';
import { registerCouplesCommands } from './commands/couples';
import { registerGroupCommands } from './commands/group';
import { registerDiarizeCommand } from './commands/diarize';
import { registerFollowUpCommand } from './commands/followup';
import { registerImportCommand } from './commands/import';
import { registerModelCommands } from './commands/models';
import { registerNotesCommand, registerTemplatesCommand } from './commands/notes';
import { registerOllamaCommands } from './commands/ollama';
import { registerPlanCommand } from './commands/plan';
import { registerRefineCommand } from './commands/refine';
import { registerPreprocessCommand } from './commands/preprocess';
import { registerPasscodeCommand } from './commands/passcode';
import { registerProcessCommand } from './commands/process';
import { registerRetentionCommands } from './commands/retention';
import { registerSecurityCommands } from './commands/security';
import { registerSettingsCommand } from './commands/settings';
import { registerRunCommands } from './commands/runs';
import { registerSyncCommands } from './commands/sync';
import { registerSearchCommands } from './commands/search';
import { registerTranscribeCommand } from './commands/transcribe';
import { registerSessionCommands } from './commands/sessions';
import {
  EXIT_BAD_INPUT,
  EXIT_CANCELLED,
  EXIT_INTERNAL,
  EXIT_OK,
  processIo,
  type CliIo,
} from './io';

const requireHere = createRequire(__filename);

/** What every command gets: a started core on the chosen data directory, and the output. */
export interface CommandContext {
  io: CliIo;
  withCore<T>(work: (core: Core) => Promise<T>): Promise<T>;
  /** The data directory chosen by --data-dir / CAIRN_DATA_DIR, for commands that need no library. */
  dataDir(): string;
  /**
   * Where the library's key is looked for: CAIRN_DB_KEY, the OS keyring, then a passphrase
   * (--passphrase-file, CAIRN_PASSPHRASE_FILE, or asked on the terminal) for the library in
   * `keyFolder` (default: the data directory).
   */
  keyStores(keyFolder?: string): KeyStore[];
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 2 bad input, 1 internal error. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('cairn')
    .description('Cairn: session recordings to reviewed clinical notes, on this machine only.')
    .version(CAIRN_VERSION)
    .addOption(
      new Option('--data-dir <dir>', 'where Cairn keeps its library').env('CAIRN_DATA_DIR'),
    )
    .addOption(
      new Option(
        '--passphrase-file <file>',
        "a file whose first line is the library's passphrase (where no keyring keeps its key)",
      ),
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();

  const dataDir = () => resolveDataDir({ flag: program.opts<{ dataDir?: string }>().dataDir });
  const keyStores = (keyFolder?: string) => {
    // Required on use: commands that open no library never load the keyring's native module.
    const { nodeKeyStores } = requireHere('../security/node-key-stores') as typeof KeyStoresModule;
    const flag = program.opts<{ passphraseFile?: string }>().passphraseFile;
    const source = cliPassphraseSource(flag);
    return nodeKeyStores(process.env, { dataDir: keyFolder ?? dataDir(), source });
  };
  const context: CommandContext = {
    io,
    dataDir,
    keyStores,
    withCore: async (work) => {
      // Required on first use: `cairn preprocess` never pays for the database stack (drizzle,
      // SQLite, the API schemas). require, not import(): the CLI runs as CommonJS under tsx, whose
      // require hook handles TypeScript while Node's ESM loader would not.
      const { startCore } = requireHere('../app/core') as typeof CoreModule;
      const core = await startCore({
        dataDir: dataDir(),
        keyStores: keyStores(),
        libraryPointer: movablePointer({ flag: program.opts<{ dataDir?: string }>().dataDir }),
        actor: `cli:${safeUserName()}`,
        transport: 'in-process',
        onInternalError: (method, error) =>
          io.err(
            `cairn: internal error in ${method}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
      });
      try {
        return await work(core);
      } finally {
        await core.shutdown();
      }
    },
  };
  registerImportCommand(program, context);
  registerSessionCommands(program, context);
  registerClientCommands(program, context);
  registerPreprocessCommand(program, context);
  registerTranscribeCommand(program, context);
  registerDiarizeCommand(program, context);
  registerModelCommands(program, context);
  registerProcessCommand(program, context);
  registerBriefCommand(program, context);
  registerCouplesCommands(program, context);
  registerGroupCommands(program, context);
  registerPlanCommand(program, context);
  registerRefineCommand(program, context);
  registerFollowUpCommand(program, context);
  registerNotesCommand(program, context);
  registerTemplatesCommand(program, context);
  registerSettingsCommand(program, context);
  registerOllamaCommands(program, context);
  registerRunCommands(program, context);
  registerSecurityCommands(program, context);
  registerSyncCommands(program, context);
  registerAuditCommands(program, context);
  registerPasscodeCommand(program, context);
  registerBackupCommands(program, context);
  registerRetentionCommands(program, context);
  registerSearchCommands(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0.
    return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const cairnError = error instanceof CairnError ? error : toCairnError(error);
  io.err(`cairn: ${cairnError.userMessage}`);
  if (cairnError instanceof CancelledError) return EXIT_CANCELLED;
  if (cairnError.category === 'validation') return EXIT_BAD_INPUT;
  if (cairnError.code === 'internal' && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT_INTERNAL;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
