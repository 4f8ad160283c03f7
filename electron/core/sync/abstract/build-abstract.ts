import type { SessionKind } from '../../../../shared/domain/enums';
import { getTemplate } from '../../store/repositories/note-templates';
import { getSessionRow } from '../../store/repositories/sessions';
import type { DbOrTx } from '../../store/repositories/types';
import { deidentify } from '../deidentify';
import { matchVocabulary, type MatchedTerm } from './match-vocabulary';
import { pseudonymFor } from './pseudonym';
import {
  approvedNotesOf,
  knownNamesOf,
  signedTextOf,
  sessionStatsOf,
  type SessionStats,
} from './session-facts';

export const ABSTRACT_KIND = 'session-abstract';
/** Bumped when the payload's shape changes; part of the object key, so versions sit side by side. */
export const ABSTRACT_VERSION = 1;

/** Longest summary shared; a signed note is rarely longer, and a cap bounds what one bug can leak. */
const SUMMARY_MAX_CHARS = 4000;

/**
 * Everything about a session that may leave the device. No transcript, audio, names, dates (not
 * even the year), or Cairn's own ids: the session is named by its pseudonym.
 */
export interface SessionAbstract {
  format: 'cairn.session-abstract';
  version: typeof ABSTRACT_VERSION;
  id: string;
  sessionKind: SessionKind;
  /** Built-in template ids; a practice's own template is "custom" (its id is free text). */
  noteTemplates: string[];
  frameworks: MatchedTerm[];
  themes: MatchedTerm[];
  focus: string[];
  /** The signed note's statements, de-identified. */
  summary: string;
  stats: SessionStats;
}

export interface BuiltAbstract {
  kind: typeof ABSTRACT_KIND;
  version: number;
  /** Below the configured prefix: deterministic, so uploading again replaces, never duplicates. */
  objectKey: string;
  pseudonym: string;
  /** The exact bytes to send (compact JSON). */
  payload: string;
}

export function objectKeyFor(pseudonym: string): string {
  return `${ABSTRACT_KIND}/v${ABSTRACT_VERSION}/${pseudonym}.json`;
}

function capped(text: string): string {
  if (text.length <= SUMMARY_MAX_CHARS) return text;
  const cut = text.slice(0, SUMMARY_MAX_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 0))} …`;
}

/** The abstract of a session's approved notes; undefined when no note is approved. */
export function buildSessionAbstract(db: DbOrTx, sessionId: string): BuiltAbstract | undefined {
  const session = getSessionRow(db, sessionId);
  const notes = approvedNotesOf(db, sessionId);
  if (!session || notes.length === 0) return undefined;
  const knownNames = knownNamesOf(db, sessionId);
  // A session-summary note is written to be a summary; otherwise the note signed first.
  const main = notes.find((n) => n.templateId === 'session-summary') ?? notes[0];
  const summary = deidentify(main ? signedTextOf(main) : '', { knownNames }).text;
  const vocabulary = matchVocabulary(notes.map(signedTextOf));
  const pseudonym = pseudonymFor(db, sessionId);
  const abstract: SessionAbstract = {
    format: 'cairn.session-abstract',
    version: ABSTRACT_VERSION,
    id: pseudonym,
    sessionKind: session.kind,
    noteTemplates: [
      ...new Set(
        notes.map((n) => (getTemplate(db, n.templateId)?.builtIn ? n.templateId : 'custom')),
      ),
    ],
    frameworks: vocabulary.frameworks,
    themes: vocabulary.themes,
    focus: vocabulary.focus,
    summary: capped(summary),
    stats: sessionStatsOf(db, sessionId),
  };
  return {
    kind: ABSTRACT_KIND,
    version: ABSTRACT_VERSION,
    objectKey: objectKeyFor(pseudonym),
    pseudonym,
    payload: JSON.stringify(abstract),
  };
}
