import { BrowserWindow, ipcMain, type IpcMainEvent } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import type {
  PassphraseAnswer,
  PassphraseAsker,
  PassphrasePrompt,
} from '../../core/security/interactive-passphrase';
import { PASSPHRASE_ANSWER_CHANNEL, PASSPHRASE_PROMPT_CHANNEL } from '../passphrase-channels';
import { PASSPHRASE_PAGE_URL } from './passphrase-page';

/**
 * The small window that asks for the library's passphrase at start, when neither safeStorage nor
 * the keyring keeps the key. What it asks and what to do with the answer is decided in the core
 * (interactive-passphrase.ts); this only shows a prompt and hands back what was typed. It is made
 * on the first ask only, so a computer with a keyring never sees it.
 */

/** What the page may send: checked, since it comes from a renderer. */
const Answer = z
  .object({
    passphrase: z.string().max(1024),
    confirmation: z.string().max(1024).optional(),
  })
  .nullable();

export interface PassphraseWindow {
  ask: PassphraseAsker;
  /** Once the library is open (or failed to): the prompt has nothing more to say. */
  close(): void;
}

export function passphraseWindow(): PassphraseWindow {
  let window: BrowserWindow | undefined;
  let loaded: Promise<void> = Promise.resolve();
  let pending: ((answer: PassphraseAnswer | null) => void) | undefined;
  // Closing the window is Quit, whenever it happens: a later ask (the passphrase was being
  // checked, and was wrong) is not shown again. Closing it ourselves, once done, is not.
  let closedByUser = false;
  let done = false;

  const settle = (answer: PassphraseAnswer | null) => {
    const resolve = pending;
    pending = undefined;
    resolve?.(answer);
  };

  const onAnswer = (event: IpcMainEvent, raw: unknown) => {
    if (event.sender !== window?.webContents) return;
    const parsed = Answer.safeParse(raw);
    settle(parsed.success ? parsed.data : null);
  };

  const open = (first: PassphrasePrompt): BrowserWindow => {
    const created = new BrowserWindow({
      // Tall enough for its fields and an error of two lines: a new passphrase is asked twice.
      width: 460,
      height: first.confirmationLabel === undefined ? 360 : 520,
      useContentSize: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      show: false,
      title: 'Cairn',
      webPreferences: {
        preload: path.join(__dirname, '../preload/passphrase.js'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        // What is typed here is a secret: nothing of it goes to the spellchecker.
        spellcheck: false,
      },
    });
    created.setMenuBarVisibility(false);
    created.on('closed', () => {
      window = undefined;
      ipcMain.off(PASSPHRASE_ANSWER_CHANNEL, onAnswer);
      if (!done) closedByUser = true;
      settle(null);
    });
    ipcMain.on(PASSPHRASE_ANSWER_CHANNEL, onAnswer);
    loaded = created.loadURL(PASSPHRASE_PAGE_URL);
    return created;
  };

  const ask: PassphraseAsker = async (prompt: PassphrasePrompt) => {
    if (closedByUser || done) return null;
    const current = (window ??= open(prompt));
    const answer = new Promise<PassphraseAnswer | null>((resolve) => (pending = resolve));
    // A window closed while it loads has already answered null (its load rejects as aborted).
    await loaded.catch(() => undefined);
    if (!current.isDestroyed()) {
      current.webContents.send(PASSPHRASE_PROMPT_CHANNEL, prompt);
      current.show();
      current.focus();
    }
    return answer;
  };

  return {
    ask,
    close: () => {
      done = true;
      window?.destroy();
    },
  };
}
