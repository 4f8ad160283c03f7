import type { SaveState } from '../api/use-autosave';

/** Where the clinician's typing stands, read out politely by screen readers. */
export function SaveStatus({ state, testId }: { state: SaveState; testId?: string }) {
  return (
    <span
      data-testid={testId}
      aria-live="polite"
      className={typeof state === 'object' ? 'error' : 'muted'}
    >
      {typeof state === 'object'
        ? `Not saved: ${state.error} Your text is still here; type again to retry.`
        : state === 'saved'
          ? 'All changes saved'
          : 'Saving…'}
    </span>
  );
}
