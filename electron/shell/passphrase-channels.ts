/**
 * IPC channels of the passphrase prompt, shared by its window (main) and its preload. No imports:
 * the sandboxed preload bundles this file and can load nothing else.
 */
/** main → prompt: a PassphrasePrompt to show (again, with the last try's error). */
export const PASSPHRASE_PROMPT_CHANNEL = 'cairn:passphrase-prompt';
/** prompt → main: a PassphraseAnswer, or null when the user chose Quit. */
export const PASSPHRASE_ANSWER_CHANNEL = 'cairn:passphrase-answer';
