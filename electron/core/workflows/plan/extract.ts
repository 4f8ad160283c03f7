import { z } from 'zod';
import { PlanCitation } from '../../../../shared/api/plan-schemas';
import { ValidationError } from '../../errors';
import { loadFrameworks } from '../../frameworks/library';
import { matchFrameworks } from '../../frameworks/match';
import { kindsOf } from '../../notes/extractive/rules';
import { notesOfSession } from '../../store/repositories/notes';
import { getSessionRow } from '../../store/repositories/sessions';
import type { DbOrTx } from '../../store/repositories/types';
import { matchVocabulary } from '../../sync/abstract/match-vocabulary';

/**
 * What a signed session's note says that a plan can use, each with the statement it was read in:
 * the goals stated, the ratings recorded, the homework set, the frameworks and techniques used
 * (matched against the framework library) and the themes of the closed vocabulary.
 */

export const Rating = z.object({
  key: z.string(),
  value: z.number(),
  scale: z.number(),
  citation: PlanCitation,
});
export type Rating = z.infer<typeof Rating>;

export const SessionExtract = z.object({
  clientId: z.string(),
  sessionId: z.string(),
  date: z.iso.date(),
  /** Statements that state a goal ("Goal: …", "Goal revised: …"). */
  goals: z.array(PlanCitation),
  ratings: z.array(Rating),
  /** Statements that set homework ("Homework: …", "agreed homework …"). */
  homework: z.array(PlanCitation),
  /** Every statement, for homework follow-ups and themes. */
  statements: z.array(PlanCitation),
  techniques: z.array(
    z.object({
      frameworkId: z.string(),
      frameworkName: z.string(),
      techniqueId: z.string().nullable(),
      techniqueName: z.string(),
      citation: PlanCitation,
    }),
  ),
  themes: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type SessionExtract = z.infer<typeof SessionExtract>;

/** The session's signed note, or a user-facing error saying why there is none to plan from. */
export function signedNoteOf(db: DbOrTx, sessionId: string) {
  const session = getSessionRow(db, sessionId);
  if (!session)
    throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
  if (!session.clientId)
    throw new ValidationError(
      'session_without_client',
      'This session has no client. Choose the client first; a plan belongs to a client.',
    );
  const note = notesOfSession(db, sessionId).find((n) => n.status === 'approved');
  const content = note ? (note.clinician ?? note.ai)?.content : undefined;
  if (!note || !content)
    throw new ValidationError(
      'note_not_signed',
      'This session has no signed note yet. Review and sign the note first; the plan is updated from signed notes only.',
    );
  return { session: { ...session, clientId: session.clientId }, noteId: note.id, content };
}

const GOAL_WORD = /\bgoals?\b/i;
const HOMEWORK_SET =
  /^\s*(?:homework|assignment)\s*:|\b(?:set|agreed|assigned|gave)\b.*\b(?:homework|assignment|worksheet)\b/i;
/** "rated her anxiety 6 out of 10", "anxiety rating 5/10", "mood 4 out of 10". */
const RATED =
  /\brat(?:ed|es|ing)\s+(?:(?:her|his|their|the|a|an)\s+)?([a-z]+)\s+(?:at\s+|as\s+)?(\d+(?:\.\d+)?)\s*(?:out of|\/)\s*(\d+)/i;
const KEY_RATING =
  /\b([a-z]+)\s+(?:rating|score)\s+(?:of\s+|was\s+|at\s+)?(\d+(?:\.\d+)?)\s*(?:out of|\/)\s*(\d+)/i;

/** The rating a statement records, if any (a goal's target is not a rating). */
export function ratingIn(text: string): { key: string; value: number; scale: number } | null {
  if (GOAL_WORD.test(text)) return null;
  const found = RATED.exec(text) ?? KEY_RATING.exec(text);
  if (!found) return null;
  const [, key, value, scale] = found;
  if (!key || !value || !scale) return null;
  return { key: key.toLowerCase(), value: Number(value), scale: Number(scale) };
}

export function extractSession(
  db: DbOrTx,
  sessionId: string,
  resourcesDir?: string,
): SessionExtract {
  const { session, noteId, content } = signedNoteOf(db, sessionId);
  const statements: PlanCitation[] = [];
  for (const section of content.sections)
    section.items.forEach((item, index) => {
      const text = item.text.trim();
      if (text)
        statements.push({
          sessionId,
          date: session.date,
          noteId,
          sectionKey: section.key,
          sectionTitle: section.title,
          item: index,
          text,
        });
    });
  // A note's statement has no speaker: what it says decides.
  const kinds = (c: PlanCitation) =>
    kindsOf({ index: c.item, segmentId: '', speaker: 'note', text: c.text });
  const frameworks = loadFrameworks(resourcesDir);
  const techniques: SessionExtract['techniques'] = [];
  const seen = new Set<string>();
  for (const statement of statements)
    for (const match of matchFrameworks(statement.text, frameworks)) {
      const named = match.techniques.length > 0 ? match.techniques : [null];
      for (const technique of named) {
        const key = `${match.id}/${technique?.id ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        techniques.push({
          frameworkId: match.id,
          frameworkName: match.name,
          techniqueId: technique?.id ?? null,
          techniqueName: technique?.name ?? match.name,
          citation: statement,
        });
      }
    }
  const themes = new Map<string, string>();
  for (const theme of matchVocabulary(statements.map((s) => s.text)).themes)
    themes.set(theme.id, theme.label);
  return {
    clientId: session.clientId,
    sessionId,
    date: session.date,
    goals: statements.filter((s) => GOAL_WORD.test(s.text) && kinds(s).has('goal')),
    ratings: statements.flatMap((citation) => {
      const found = ratingIn(citation.text);
      return found ? [{ ...found, citation }] : [];
    }),
    homework: statements.filter((s) => kinds(s).has('homework') && HOMEWORK_SET.test(s.text)),
    statements,
    techniques,
    themes: [...themes].map(([id, label]) => ({ id, label })),
  };
}
