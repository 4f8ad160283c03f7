import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { pipelineEnv } from '../helpers/pipeline';
import { onTerminal } from '../helpers/pty';

/** The commands of the README's "A first session from the terminal" block, comments dropped. */
function quickStartCommands(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.split('## A first session from the terminal')[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

const PASSPHRASE = 'juniper smoke at the harbour';

/**
 * The README's quick start, run verbatim on a pseudo-terminal on a machine whose keyring refuses
 * (CAIRN_NO_KEYRING=1 makes any machine refuse, and keeps a developer's keyring out of it). The
 * Whisper model is the test cache's (CAIRN_MODELS_DIR), so `models download base` finds it there
 * instead of downloading: model hubs are out of reach here.
 */
describe('the README quick start, verbatim', () => {
  it('processes the sample after asking for a new passphrase, opens the library again with it, and refuses a wrong one', async () => {
    const commands = quickStartCommands();
    expect(commands).toEqual([
      'npx cairn models download base',
      'npx cairn process resources/samples/sample-session.mp3',
    ]);
    const temp = makeTempDir();
    const env = {
      ...pipelineEnv(),
      CAIRN_DATA_DIR: path.join(temp.dir, 'library'),
      CAIRN_NO_KEYRING: '1',
      CAIRN_DB_KEY: '',
      CAIRN_PASSPHRASE_FILE: '',
    };
    try {
      const download = await onTerminal(commands[0] ?? '', env).done;
      expect(download.code, download.screen).toBe(0);
      expect(download.screen).toContain('Model ready');

      const process = onTerminal(commands[1] ?? '', env);
      await process.waitFor('New passphrase:');
      process.type(`${PASSPHRASE}\r`);
      await process.waitFor('The same passphrase again:');
      process.type(`${PASSPHRASE}\r`);
      const processed = await process.done;
      expect(processed.code, processed.screen).toBe(0);
      expect(processed.screen).toMatch(/awaiting_review|completed/);
      expect(processed.screen).toMatch(/presentation at work/i);
      expect(processed.screen).not.toContain(PASSPHRASE);

      const again = onTerminal('npx cairn sessions', env);
      await again.waitFor('Passphrase for this library:');
      again.type(`${PASSPHRASE}\r`);
      const listed = await again.done;
      expect(listed.code, listed.screen).toBe(0);
      expect(listed.screen).toMatch(/awaiting_review/);

      const wrong = onTerminal('npx cairn sessions', env);
      await wrong.waitFor('Passphrase for this library:');
      wrong.type('not the passphrase\r');
      const refused = await wrong.done;
      expect(refused.code).toBe(2);
      expect(refused.screen).toContain('does not open this library');
    } finally {
      temp.remove();
    }
  }, 300_000);
});
