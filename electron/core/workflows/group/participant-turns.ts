import type { NoteSegment } from '../../notes/generate/generate-note';
import { requireClient } from '../../store/repositories/clients';
import { participantsOf, requireGroupSession } from '../../store/repositories/group-participants';
import { listSpeakers } from '../../store/repositories/speakers';
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
  /** Lines of voices that are neither: never read into a summary, and checked against. */
  unmapped: NoteSegment[];
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

/**
 * The shared context's speakers: those marked as the clinician, or, when no one is, every
 * speaker mapped to no client. A voice left unmapped while a clinician is marked (a member not
 * yet mapped) is nobody's context: its words count as another participant's.
 */
function contextSpeakers(db: DbOrTx, sessionId: string, mapped: ReadonlySet<string>): Set<string> {
  const all = listSpeakers(db, sessionId).filter((s) => !mapped.has(s.id));
  const clinicians = all.filter((s) => s.role === 'clinician');
  return new Set((clinicians.length > 0 ? clinicians : all).map((s) => s.id));
}

export function groupTurns(
  db: DbOrTx,
  sessionId: string,
  participants: readonly ParticipantIds[],
): GroupTurns {
  const bySpeaker = new Map(participants.map((p) => [p.speakerId, p.clientId]));
  const shared = contextSpeakers(db, sessionId, new Set(bySpeaker.keys()));
  const own = new Map(participants.map((p) => [p.clientId, [] as NoteSegment[]]));
  const context: NoteSegment[] = [];
  const unmapped: NoteSegment[] = [];
  for (const segment of readTranscript(db, sessionId)) {
    const line = { id: segment.id, text: segment.text };
    const clientId = segment.speakerId ? bySpeaker.get(segment.speakerId) : undefined;
    if (clientId) own.get(clientId)?.push({ ...line, speaker: 'Client' });
    else if (segment.speakerId && shared.has(segment.speakerId))
      context.push({ ...line, speaker: 'Therapist' });
    else unmapped.push({ ...line, speaker: 'Unmapped' });
  }
  return {
    participants: participants.map((p) => ({ ...p, segments: own.get(p.clientId) ?? [] })),
    context,
    unmapped,
  };
}
