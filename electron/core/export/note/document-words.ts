import { dayInWords } from '../../workflows/followup/gather';
import type { NoteDocument } from './note-document';

/**
 * The words every format prints, in one place: the facts under the title, the draft mark, the
 * signature line, an addendum's heading. A format decides only how they look.
 */

export const DRAFT_MARK = 'Draft — not signed';
export const UNVERIFIED_MARK = '(unverified: check the transcript)';
export const NOTHING_RECORDED = 'Nothing recorded.';

export interface DocumentFact {
  label: string;
  value: string;
}

/** Client, session and clinician, as label and value. */
export function factsOf(doc: NoteDocument): DocumentFact[] {
  const length = doc.durationMinutes === null ? '' : ` (${doc.durationMinutes} minutes)`;
  return [
    { label: 'Client', value: doc.client ?? 'No client assigned' },
    { label: 'Session', value: `${dayInWords(doc.sessionDate)}${length}` },
    { label: 'Clinician', value: doc.clinician },
  ];
}

/** "Signed by Dr Ada Byron on Monday 7 December 2026 at 14:05 (UTC+01:00)", or the draft mark. */
export function signatureLine(doc: NoteDocument): string {
  if (!doc.signed)
    return `${DRAFT_MARK}. This is not the record of the session until it is signed.`;
  return `Signed by ${doc.signed.by} on ${timeInWords(doc.signed.at)}`;
}

export function addendumHeading(addendum: NoteDocument['addenda'][number]): string {
  return `Addendum by ${addendum.author}, ${timeInWords(addendum.at)}`;
}

/** A statement as printed: a draft's unverified one says so. */
export function statementText(statement: NoteDocument['sections'][number]['statements'][number]) {
  return statement.unverified ? `${statement.text} ${UNVERIFIED_MARK}` : statement.text;
}

/** A text's paragraphs (an addendum typed with blank lines keeps them). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/**
 * Local time with its offset from UTC, so a record read elsewhere is not an hour off:
 * "Monday 7 December 2026 at 14:05 (UTC+01:00)".
 */
export function timeInWords(ms: number): string {
  const at = new Date(ms);
  const day = localDay(at);
  const hh = String(at.getHours()).padStart(2, '0');
  const mm = String(at.getMinutes()).padStart(2, '0');
  return `${dayInWords(day)} at ${hh}:${mm} (UTC${offsetOf(at)})`;
}

/** ISO 8601 with the local offset (FHIR's dateTime and instant take it). */
export function isoWithOffset(ms: number): string {
  const at = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return `${localDay(at)}T${time}${offsetOf(at)}`;
}

function localDay(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

function offsetOf(at: Date): string {
  const minutes = -at.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A file name for the export that never carries the client's name: "soap-note-2026-12-07.pdf". */
export function fileNameOf(doc: NoteDocument, extension: string): string {
  const base = doc.templateId.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  return `${base}-note-${doc.sessionDate}${doc.signed ? '' : '-draft'}.${extension}`;
}
