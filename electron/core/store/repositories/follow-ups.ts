import { desc, eq } from 'drizzle-orm';
import { FollowUp, type FollowUpWarning } from '../../../../shared/api/followup-schemas';
import type { FollowUpExport } from '../../../../shared/domain/enums';
import { ValidationError } from '../../errors';
import { followUps } from '../schema-followup';
import type { DbOrTx } from './types';

type Row = typeof followUps.$inferSelect;

export interface NewFollowUp {
  id: string;
  sessionId: string;
  noteId: string;
  clientId: string;
  runId: string;
  templateId: string;
  templateVersion: number;
  subject: string;
  body: string;
  mode: 'template' | 'model';
  modeNote: string;
  warnings: FollowUpWarning[];
}

/** Idempotent: a resumed persist stage writes the same id again and changes nothing. */
export function insertFollowUp(db: DbOrTx, followUp: NewFollowUp): void {
  const { warnings, ...columns } = followUp;
  db.insert(followUps)
    .values({ ...columns, warningsJson: JSON.stringify(warnings) })
    .onConflictDoNothing()
    .run();
}

function toFollowUp(row: Row): FollowUp {
  const { warningsJson, ...rest } = row;
  return FollowUp.parse({ ...rest, warnings: JSON.parse(warningsJson) as unknown });
}

/** A session's follow-ups, newest first. */
export function followUpsOfSession(db: DbOrTx, sessionId: string): FollowUp[] {
  return db
    .select()
    .from(followUps)
    .where(eq(followUps.sessionId, sessionId))
    .orderBy(desc(followUps.createdAt))
    .all()
    .map(toFollowUp);
}

export function requireFollowUp(db: DbOrTx, id: string): FollowUp {
  const row = db.select().from(followUps).where(eq(followUps.id, id)).get();
  if (!row)
    throw new ValidationError('follow_up_not_found', `There is no follow-up with id ${id}.`);
  return toFollowUp(row);
}

/** The clinician's words replace the draft's, with the check run again on them. */
export function updateFollowUpText(
  db: DbOrTx,
  id: string,
  text: { subject: string; body: string; warnings: FollowUpWarning[] },
): void {
  const current = requireFollowUp(db, id);
  if (current.status !== 'draft')
    throw new ValidationError(
      'follow_up_exported',
      'This follow-up has been exported and can no longer be changed. Draft a new one to write again.',
    );
  db.update(followUps)
    .set({
      subject: text.subject,
      body: text.body,
      warningsJson: JSON.stringify(text.warnings),
      updatedAt: Date.now(),
    })
    .where(eq(followUps.id, id))
    .run();
}

export function markFollowUpExported(db: DbOrTx, id: string, as: FollowUpExport): void {
  const now = Date.now();
  db.update(followUps)
    .set({ status: 'exported', exportedAs: as, exportedAt: now, updatedAt: now })
    .where(eq(followUps.id, id))
    .run();
}
