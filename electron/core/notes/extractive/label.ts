/**
 * Words shown wherever an extractive draft appears (CLI, UI, export), kept in one place so the
 * clinician reads the same thing everywhere and never mistakes chosen sentences for a written note.
 */
export const EXTRACTIVE_LABEL = 'Extractive draft — no language model';

export const EXTRACTIVE_EXPLANATION =
  'These are sentences from the transcript chosen by rules, not a written note. Edit them into your note.';

/** The label and explanation as one line, for plain-text output. */
export function renderExtractiveLabel(): string {
  return `${EXTRACTIVE_LABEL}. ${EXTRACTIVE_EXPLANATION}`;
}
