import { and, eq, inArray } from 'drizzle-orm';
import type { SpeakerRole } from '../../../../shared/domain/enums';
import { ValidationError } from '../../errors';
import { speakers, transcriptSegments } from '../schema';
import type { DbOrTx } from './types';

export type SpeakerRow = typeof speakers.$inferSelect;

export function listSpeakers(db: DbOrTx, sessionId: string): SpeakerRow[] {
  return db.select().from(speakers).where(eq(speakers.sessionId, sessionId)).all();
}

function requireSpeaker(db: DbOrTx, id: string): SpeakerRow {
  const row = db.select().from(speakers).where(eq(speakers.id, id)).get();
  if (!row) throw new ValidationError('speaker_not_found', 'That speaker does not exist.');
  return row;
}

/** A name ("Dr. Lee") and a role the clinician confirmed; the diarizer's label never changes. */
export function updateSpeaker(
  db: DbOrTx,
  id: string,
  patch: { displayName?: string | null; role?: SpeakerRole },
): SpeakerRow {
  requireSpeaker(db, id);
  db.update(speakers).set(patch).where(eq(speakers.id, id)).run();
  return requireSpeaker(db, id);
}

/** Two labels that are one person: `from`'s segments become `into`'s, and `from` goes. */
export function mergeSpeakers(db: DbOrTx, fromId: string, intoId: string): SpeakerRow {
  const from = requireSpeaker(db, fromId);
  const into = requireSpeaker(db, intoId);
  if (from.sessionId !== into.sessionId || from.id === into.id)
    throw new ValidationError(
      'speaker_merge_invalid',
      'Choose two different speakers of this session.',
    );
  db.update(transcriptSegments)
    .set({ speakerId: into.id, updatedAt: Date.now() })
    .where(eq(transcriptSegments.speakerId, from.id))
    .run();
  db.delete(speakers).where(eq(speakers.id, from.id)).run();
  return into;
}

/** One turn said by someone else: its segments get that speaker. Returns the session id. */
export function reassignSegments(db: DbOrTx, segmentIds: string[], speakerId: string): string {
  const speaker = requireSpeaker(db, speakerId);
  const changed = db
    .update(transcriptSegments)
    .set({ speakerId, updatedAt: Date.now() })
    .where(
      and(
        inArray(transcriptSegments.id, segmentIds),
        eq(transcriptSegments.sessionId, speaker.sessionId),
      ),
    )
    .run().changes;
  if (changed !== segmentIds.length)
    throw new ValidationError(
      'segment_not_found',
      'Some of those transcript lines are not in this session.',
    );
  return speaker.sessionId;
}
