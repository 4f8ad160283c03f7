import { and, desc, eq } from 'drizzle-orm';
import {
  ParticipantGeneration,
  type ParticipantSummary,
} from '../../../../shared/api/group-schemas';
import { NoteContent } from '../../../../shared/api/note-schemas';
import { ValidationError } from '../../errors';
import { renderNoteText } from '../../notes/generate/note-output';
import { clients, sessions } from '../schema';
import { participantSummaries } from '../schema-group';
import { recordAudit } from './audit';
import { atomically, type DbOrTx } from './types';

/**
 * Participants' summaries of group and family sessions: one current summary per session and
 * client, each with its own approval. An approved summary is part of that client's record: a new
 * run leaves it as signed, and it is no longer edited.
 */

export const PARTICIPANT_SUMMARY_TITLE = 'Group session summary';

const columns = {
  row: participantSummaries,
  clientName: clients.name,
  sessionDate: sessions.date,
  sessionKind: sessions.kind,
};

type Row = {
  row: typeof participantSummaries.$inferSelect;
  clientName: string;
  sessionDate: string;
  sessionKind: ParticipantSummary['sessionKind'];
};

function toSummary({ row, clientName, sessionDate, sessionKind }: Row): ParticipantSummary {
  const draft = NoteContent.parse(JSON.parse(row.contentJson));
  const edited = row.clinicianJson ? NoteContent.parse(JSON.parse(row.clinicianJson)) : null;
  return {
    id: row.id,
    sessionId: row.sessionId,
    sessionDate,
    sessionKind,
    clientId: row.clientId,
    clientName,
    runId: row.runId,
    status: row.status,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy,
    generation: ParticipantGeneration.parse(JSON.parse(row.generationJson)),
    draft,
    content: edited ?? draft,
    edited: edited !== null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function select(db: DbOrTx) {
  return db
    .select(columns)
    .from(participantSummaries)
    .innerJoin(clients, eq(clients.id, participantSummaries.clientId))
    .innerJoin(sessions, eq(sessions.id, participantSummaries.sessionId));
}

/** The session's summaries, by participant's name. */
export function summariesOfSession(db: DbOrTx, sessionId: string): ParticipantSummary[] {
  return select(db)
    .where(eq(participantSummaries.sessionId, sessionId))
    .orderBy(clients.name)
    .all()
    .map(toSummary);
}

/** The summaries filed under a client, newest session first: theirs only, never a co-member's. */
export function summariesOfClient(db: DbOrTx, clientId: string): ParticipantSummary[] {
  return select(db)
    .where(eq(participantSummaries.clientId, clientId))
    .orderBy(desc(sessions.date), desc(participantSummaries.createdAt))
    .all()
    .map(toSummary);
}

function requireSummary(db: DbOrTx, id: string): ParticipantSummary {
  const row = select(db).where(eq(participantSummaries.id, id)).get();
  if (!row)
    throw new ValidationError('summary_not_found', 'That participant summary does not exist.');
  return toSummary(row);
}

export interface NewParticipantSummary {
  id: string;
  sessionId: string;
  clientId: string;
  runId: string;
  generation: ParticipantGeneration;
  content: NoteContent;
}

/**
 * Files a run's summary under its client: replaces that client's draft for the session, and
 * leaves an approved one as it was signed. Returns whether it was filed.
 */
export function fileParticipantSummary(db: DbOrTx, summary: NewParticipantSummary): boolean {
  const existing = db
    .select({ status: participantSummaries.status })
    .from(participantSummaries)
    .where(
      and(
        eq(participantSummaries.sessionId, summary.sessionId),
        eq(participantSummaries.clientId, summary.clientId),
      ),
    )
    .get();
  if (existing?.status === 'approved') return false;
  const values = {
    runId: summary.runId,
    generationJson: JSON.stringify(summary.generation),
    contentJson: JSON.stringify(summary.content),
    text: renderNoteText(PARTICIPANT_SUMMARY_TITLE, summary.content),
    clinicianJson: null,
    updatedAt: Date.now(),
  };
  db.insert(participantSummaries)
    .values({ id: summary.id, sessionId: summary.sessionId, clientId: summary.clientId, ...values })
    .onConflictDoUpdate({
      target: [participantSummaries.sessionId, participantSummaries.clientId],
      set: values,
    })
    .run();
  return true;
}

/** Audited on the session, by ids: the summary and its client, never what it says. */
function auditSummary(db: DbOrTx, action: string, summary: ParticipantSummary, actor: string) {
  recordAudit(db, {
    actor,
    action,
    entityType: 'session',
    entityId: summary.sessionId,
    detail: { summary: summary.id, client: summary.clientId },
  });
}

/** The clinician's edit of a draft summary; an approved one is signed and stays as it is. */
export function updateParticipantSummary(
  db: DbOrTx,
  id: string,
  content: NoteContent,
  actor: string,
): ParticipantSummary {
  return atomically(db, (tx) => {
    const summary = requireSummary(tx, id);
    if (summary.status === 'approved')
      throw new ValidationError(
        'summary_approved',
        'This summary is approved and signed, so it can no longer be edited.',
      );
    tx.update(participantSummaries)
      .set({
        clinicianJson: JSON.stringify(content),
        text: renderNoteText(PARTICIPANT_SUMMARY_TITLE, content),
        updatedAt: Date.now(),
      })
      .where(eq(participantSummaries.id, id))
      .run();
    auditSummary(tx, 'group.summary_edited', summary, actor);
    return requireSummary(tx, id);
  });
}

/** Approves one participant's summary; the others of the session keep their own status. */
export function approveParticipantSummary(
  db: DbOrTx,
  id: string,
  actor: string,
): ParticipantSummary {
  return atomically(db, (tx) => {
    const summary = requireSummary(tx, id);
    if (summary.status === 'approved') return summary;
    const now = Date.now();
    tx.update(participantSummaries)
      .set({ status: 'approved', approvedAt: now, approvedBy: actor, updatedAt: now })
      .where(eq(participantSummaries.id, id))
      .run();
    auditSummary(tx, 'group.summary_approved', summary, actor);
    return requireSummary(tx, id);
  });
}
