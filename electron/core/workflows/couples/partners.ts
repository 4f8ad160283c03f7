import { and, asc, eq } from 'drizzle-orm';
import type { PartnerAbstract } from '../../../../shared/api/couples-schemas';
import { requireClient } from '../../store/repositories/clients';
import { notesOfSession } from '../../store/repositories/notes';
import { readTranscript } from '../../store/repositories/transcript';
import type { DbOrTx } from '../../store/repositories/types';
import { sessions } from '../../store/schema';
import { abstractAnalysis } from '../brief/abstraction';
import { analyseHistory } from '../brief/analysis';
import type { PriorNote } from '../brief/history';

/**
 * A partner's individual work, read and reduced at once. Only individual sessions count (a joint
 * session's notes are the couple's, not one partner's), and the raw notes never leave this
 * module: callers get vocabulary ids (the abstract) or, for the isolation check, a fingerprint
 * of what must not appear, built and dropped in memory.
 */

function individualSessions(db: DbOrTx, clientId: string) {
  return db
    .select({ id: sessions.id, date: sessions.date })
    .from(sessions)
    .where(and(eq(sessions.clientId, clientId), eq(sessions.kind, 'individual')))
    .orderBy(asc(sessions.date), asc(sessions.createdAt))
    .all();
}

/** Signed notes of the partner's individual sessions dated before `before`, oldest first. */
function signedIndividualNotes(db: DbOrTx, clientId: string, before: string): PriorNote[] {
  const notes: PriorNote[] = [];
  for (const session of individualSessions(db, clientId)) {
    if (session.date >= before) continue;
    for (const note of notesOfSession(db, session.id)) {
      if (note.status !== 'approved') continue;
      const version = note.clinician ?? note.ai;
      if (!version) continue;
      notes.push({
        sessionId: session.id,
        date: session.date,
        noteId: note.id,
        templateId: note.templateId,
        content: version.content,
      });
    }
  }
  return notes;
}

/**
 * One partner's abstract: the brief's rules read their signed individual notes, and the brief's
 * abstraction keeps only closed-vocabulary ids (re-scanned by the de-identifier). The analysis,
 * which quotes the notes, is dropped here and never stored.
 */
export function abstractPartner(db: DbOrTx, clientId: string, jointDate: string): PartnerAbstract {
  requireClient(db, clientId);
  const notes = signedIndividualNotes(db, clientId, jointDate);
  const analysis = analyseHistory({
    clientId,
    upcoming: { sessionId: '', date: jointDate },
    notes,
    // Risk stays in individual work: a couples summary never reads it.
    riskFlags: [],
  });
  const abstract = abstractAnalysis(analysis);
  return {
    clientId,
    sessionsRead: new Set(notes.map((n) => n.sessionId)).size,
    themes: abstract.themes,
    frameworks: abstract.frameworks,
  };
}

/**
 * Everything of a partner's own that must never appear in couples output: their name, and every
 * statement of every note (draft or signed, any date) and transcript line of their individual
 * sessions. Broader than what the abstract read, on purpose: the check guards the whole record.
 */
export function partnerMaterial(db: DbOrTx, clientId: string): string[] {
  const texts = [requireClient(db, clientId).name];
  for (const session of individualSessions(db, clientId)) {
    for (const note of notesOfSession(db, session.id))
      for (const version of [note.ai, note.clinician])
        if (version)
          texts.push(...version.content.sections.flatMap((s) => s.items.map((i) => i.text)));
    for (const segment of readTranscript(db, session.id)) texts.push(segment.text);
  }
  return texts;
}
