import { ipcRenderer } from 'electron';
import type {
  PassphraseAnswer,
  PassphrasePrompt,
} from '../../core/security/interactive-passphrase';
import { PASSPHRASE_ANSWER_CHANNEL, PASSPHRASE_PROMPT_CHANNEL } from '../passphrase-channels';

/**
 * The passphrase prompt's preload. The page (main/passphrase-page.ts) has no script of its own, so
 * the form is run from here, in the isolated world, and nothing is exposed to the page: what is
 * typed goes to the main process only when the user submits it.
 *
 * The node tsconfig has no DOM library (adding it would retype timers across the main process),
 * so only what this file touches is declared.
 */
interface PageNode {
  textContent: string | null;
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  replaceChildren(...children: PageNode[]): void;
  addEventListener(type: string, listener: (event: DomEvent) => void): void;
}
interface Field extends PageNode {
  value: string;
  disabled: boolean;
  focus(): void;
}
interface DomEvent {
  readonly key?: string;
  preventDefault(): void;
}
declare const document: {
  title: string;
  createElement(tag: 'p'): PageNode;
  getElementById(id: string): PageNode | null;
  addEventListener(type: string, listener: (event: DomEvent) => void): void;
};

const node = (id: string) => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the passphrase page has no #${id}`);
  return found;
};
const field = (id: string) => node(id) as Field;

let prompt: PassphrasePrompt | undefined;
let busy = false;

function setBusy(value: boolean) {
  busy = value;
  for (const id of ['passphrase', 'confirmation', 'submit', 'cancel']) field(id).disabled = value;
  node('status').textContent = value && prompt ? prompt.busyText : '';
}

function show(next: PassphrasePrompt) {
  prompt = next;
  document.title = `Cairn: ${next.title}`;
  node('title').textContent = next.title;
  node('explanation').replaceChildren(
    ...next.explanation.map((text) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = text;
      return paragraph;
    }),
  );
  node('passphrase-label').textContent = next.passphraseLabel;
  const confirming = next.confirmationLabel !== undefined;
  node('confirmation-row').hidden = !confirming;
  node('confirmation-label').textContent = next.confirmationLabel ?? '';
  // A new passphrase is one a password manager may offer to keep; an existing one it may fill.
  const autocomplete = confirming ? 'new-password' : 'current-password';
  field('passphrase').setAttribute('autocomplete', autocomplete);
  field('confirmation').setAttribute('autocomplete', autocomplete);
  node('submit').textContent = next.submitLabel;
  node('cancel').textContent = next.cancelLabel;
  // role="alert": a screen reader says why the last try failed without the user looking for it.
  node('error').textContent = next.error ?? '';
  field('passphrase').setAttribute('aria-invalid', next.error ? 'true' : 'false');
  setBusy(false);
  // Each ask starts clean: a wrong passphrase is typed again, not edited.
  field('passphrase').value = '';
  field('confirmation').value = '';
  field('passphrase').focus();
}

function answer(value: PassphraseAnswer | null) {
  if (busy || !prompt) return;
  setBusy(value !== null);
  // Cleared while checking, so the same error said again is announced again (role="alert").
  if (value) node('error').textContent = '';
  ipcRenderer.send(PASSPHRASE_ANSWER_CHANNEL, value);
  // Not left in the page while the main process checks it.
  field('passphrase').value = '';
  field('confirmation').value = '';
}

ipcRenderer.on(PASSPHRASE_PROMPT_CHANNEL, (_event, next: PassphrasePrompt) => show(next));

document.addEventListener('DOMContentLoaded', () => {
  // Enter in either field submits the form; the page never navigates (nothing to submit to).
  node('form').addEventListener('submit', (event) => {
    event.preventDefault();
    const passphrase = field('passphrase').value;
    answer(
      prompt?.confirmationLabel === undefined
        ? { passphrase }
        : { passphrase, confirmation: field('confirmation').value },
    );
  });
  node('cancel').addEventListener('click', () => answer(null));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') answer(null);
  });
});
