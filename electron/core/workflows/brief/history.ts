import { and, asc, eq, lt } from 'drizzle-orm';
import type { NoteContent } from '../../../../shared/api/note-schemas';
import { ValidationError } from '../../errors';
import { notesOfSession } from '../../store/repositories/notes';
import { riskFlagsOf } from '../../store/repositories/risk-flags';
import { getSessionRow } from '../../store/repositories/sessions';
import type { DbOrTx } from '../../store/repositories/types';
import { sessions } from '../../store/schema';

/** One signed note of an earlier session: the record of care the brief reads. */
export interface PriorNote {
  sessionId: string;
  /** YYYY-MM-DD: what a clinician calls a session by. */
  date: string;
  noteId: string;
  templateId: string;
  /** The clinician's version where they edited it, else the draft they signed. */
  content: NoteContent;
}

export interface PriorRiskFlag {
  sessionId: string;
  date: string;
  kind: string;
  acknowledged: boolean;
}

export interface ClientHistory {
  clientId: string;
  /** The session the brief prepares for. */
  upcoming: { sessionId: string; date: string };
  /** Signed notes of the client's earlier sessions, oldest first. */
  notes: PriorNote[];
  riskFlags: PriorRiskFlag[];
}

/**
 * What a brief may read: the client's signed notes from sessions dated before the upcoming one,
 * and those sessions' risk flags. Drafts are left out (not yet the clinician's word), and so is
 * anything dated on or after the upcoming session.
 */
export function loadClientHistory(db: DbOrTx, upcomingSessionId: string): ClientHistory {
  const upcoming = getSessionRow(db, upcomingSessionId);
  if (!upcoming)
    throw new ValidationError('session_not_found', 'The session to prepare for no longer exists.');
  if (!upcoming.clientId)
    throw new ValidationError(
      'session_without_client',
      'This session has no client yet. Choose the client first; a brief reads their earlier sessions.',
    );
  const earlier = db
    .select({ id: sessions.id, date: sessions.date })
    .from(sessions)
    .where(and(eq(sessions.clientId, upcoming.clientId), lt(sessions.date, upcoming.date)))
    .orderBy(asc(sessions.date), asc(sessions.createdAt))
    .all();
  const notes: PriorNote[] = [];
  const riskFlags: PriorRiskFlag[] = [];
  for (const session of earlier) {
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
    for (const flag of riskFlagsOf(db, session.id))
      riskFlags.push({
        sessionId: session.id,
        date: session.date,
        kind: flag.kind,
        acknowledged: flag.acknowledgedAt !== null,
      });
  }
  return {
    clientId: upcoming.clientId,
    upcoming: { sessionId: upcoming.id, date: upcoming.date },
    notes,
    riskFlags,
  };
}
