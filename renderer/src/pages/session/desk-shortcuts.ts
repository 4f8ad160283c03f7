import { useEffect, useRef } from 'react';

/** The desk's keys, as the shortcuts sheet lists them. Space and the arrows are the player's. */
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['Space'], what: 'Play or pause the recording' },
  { keys: ['←'], what: 'Back 5 seconds' },
  { keys: ['→'], what: 'Forward 5 seconds' },
  { keys: ['N'], what: 'Next risk flag: hear it, then Enter acknowledges it' },
  { keys: ['Shift', 'N'], what: 'Previous risk flag' },
  { keys: ['Ctrl', 'Enter'], what: 'Approve and sign (once every flag is acknowledged)' },
  { keys: ['Ctrl', 'K'], what: 'Search the library (⌘K on a Mac), from any page' },
  { keys: ['?'], what: 'Show these shortcuts' },
];

/** Typing in a field must type, not act. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

export interface DeskActions {
  nextFlag(step: 1 | -1): void;
  approve(): void;
  showShortcuts(): void;
}

/** The desk's own keys (the player handles Space and the arrows itself). */
export function useDeskShortcuts(actions: DeskActions): void {
  // The latest actions, without listening again on every render.
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
        // Leaving the field first saves what was just typed (fields save on blur), so the note is
        // signed with the last words in it, never without them.
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        latest.current.approve();
      } else if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      } else if (event.key === 'n' || event.key === 'N') {
        latest.current.nextFlag(event.shiftKey ? -1 : 1);
      } else if (event.key === '?') {
        latest.current.showShortcuts();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
