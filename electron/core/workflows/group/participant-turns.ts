import type { NoteSegment } from '../../notes/generate/generate-note';
import { requireClient } from '../../store/repositories/clients';
import { participantsOf, requireGroupSession } from '../../store/repositories/group-participants';
import { readTranscript } from '../../store/repositories/transcript';
import type { DbOrTx } from '../../store/repositories/types';
import { ValidationError } from '../../errors';

/**
 * A group session's transcript split by who said it: each participant's own turns, and the
 * shared context (the turns of speakers mapped to no client: the clinician, who sets the topic,
 * the exercise and the homework for everyone). Read from the store each time it is needed and
 * never carried between stages: stage rows hold ids, not anyone's words.
 */

export interface ParticipantTurns {
  clientId: string;
  speakerId: string;
  /** The participant's own lines, as "Client" (so the rules read them as the client's words). */
  segments: NoteSegment[];
}

export interface GroupTurns {
  participants: ParticipantTurns[];
  /** The shared context's lines, as "Therapist". */
  context: NoteSegment[];
}

/** Who the run summarises: ids only, in a stable order. */
export interface ParticipantIds {
  clientId: string;
  speakerId: string;
}

/** The session's participants, refused in words when there is nothing to summarise. */
export function participantIds(db: DbOrTx, sessionId: string): ParticipantIds[] {
  requireGroupSession(db, sessionId);
  const mapped = [...participantsOf(db, sessionId)].map(([speakerId, clientId]) => {
    requireClient(db, clientId);
    return { speakerId, clientId };
  });
  if (mapped.length === 0)
    throw new ValidationError(
      'no_participants',
      'No speaker of this session is mapped to a client yet. Map each participant’s voice to their client first.',
    );
  return mapped.sort((a, b) => a.clientId.localeCompare(b.clientId));
}

export function groupTurns(
  db: DbOrTx,
  sessionId: string,
  participants: readonly ParticipantIds[],
): GroupTurns {
  const bySpeaker = new Map(participants.map((p) => [p.speakerId, p.clientId]));
  const own = new Map(participants.map((p) => [p.clientId, [] as NoteSegment[]]));
  const context: NoteSegment[] = [];
  for (const segment of readTranscript(db, sessionId)) {
    const clientId = segment.speakerId ? bySpeaker.get(segment.speakerId) : undefined;
    if (clientId)
      own.get(clientId)?.push({ id: segment.id, speaker: 'Client', text: segment.text });
    else context.push({ id: segment.id, speaker: 'Therapist', text: segment.text });
  }
  return {
    participants: participants.map((p) => ({ ...p, segments: own.get(p.clientId) ?? [] })),
    context,
  };
}
