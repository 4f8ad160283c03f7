import { readFileSync } from 'node:fs';
import { CancelledError, ValidationError } from '../errors';
import type { PassphraseSource } from './passphrase-key-store';

export const PASSPHRASE_FILE_ENV = 'CAIRN_PASSPHRASE_FILE';

/**
 * A passphrase kept in a file, as restic's and borg's --password-file: the first line, without its
 * line ending. For scripts and services; the same file answers "open" and "create".
 */
export function fileSource(file: string, name = file): PassphraseSource {
  return {
    name,
    ask: () => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        throw new ValidationError(
          'passphrase_file_unreadable',
          `Cannot read the passphrase file ${file}: ${(error as Error).message}`,
        );
      }
      const passphrase = text.split(/\r?\n/)[0] ?? '';
      if (!passphrase)
        throw new ValidationError('passphrase_file_empty', `The passphrase file ${file} is empty.`);
      return Promise.resolve(passphrase);
    },
  };
}

/** Reads one line from a terminal without showing what is typed. */
function readHidden(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream) {
  return new Promise<string>((resolve, reject) => {
    let line = '';
    const wasRaw = input.isRaw;
    // Raw (no echo) before the prompt shows: what is typed the moment it appears is not echoed.
    input.setRawMode(true);
    output.write(prompt);
    input.resume();
    input.setEncoding('utf8');
    const done = (error?: Error) => {
      input.setRawMode(wasRaw);
      input.pause();
      input.off('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        // Ctrl-C cancels, as anywhere in the CLI (exit 130); Enter or Ctrl-D ends the line.
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new CancelledError());
        if (char === '\u007f' || char === '\b') line = line.slice(0, -1);
        else line += char;
      }
    };
    input.on('data', onData);
  });
}

/** The terminal: asks once to open, twice (and compares) to create. */
export function terminalSource(
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): PassphraseSource {
  return {
    name: 'the terminal',
    ask: async (purpose) => {
      if (purpose === 'open') return readHidden('Passphrase for this library: ', input, output);
      output.write(
        'This computer has no keyring Cairn can use, so the library is locked with a passphrase.\nChoose one you will remember: without it the library cannot be opened.\n',
      );
      const first = await readHidden('New passphrase: ', input, output);
      const second = await readHidden('The same passphrase again: ', input, output);
      if (first !== second)
        throw new ValidationError(
          'passphrase_mismatch',
          'The two passphrases differ. Run the command again and type the same passphrase twice.',
        );
      return first;
    },
  };
}

/**
 * Where the CLI gets a passphrase: --passphrase-file, then CAIRN_PASSPHRASE_FILE, then the
 * terminal when there is one; none on a pipe (a script must say where its passphrase is).
 */
export function cliPassphraseSource(
  flagFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  stdin: NodeJS.ReadStream = process.stdin,
): PassphraseSource | undefined {
  if (flagFile) return fileSource(flagFile, '--passphrase-file');
  const envFile = env[PASSPHRASE_FILE_ENV];
  if (envFile) return fileSource(envFile, PASSPHRASE_FILE_ENV);
  return stdin.isTTY ? terminalSource(stdin) : undefined;
}
