import { asc, eq } from 'drizzle-orm';
import type { GroupSpeaker, SetParticipantsInput } from '../../../../shared/api/group-schemas';
import { ValidationError } from '../../errors';
import { clients, sessions, speakers, transcriptSegments } from '../schema';
import { participantSummaries, sessionParticipants } from '../schema-group';
import { recordAudit } from './audit';
import { atomically, type DbOrTx } from './types';

/**
 * Who is who in a group or family session: each diarized speaker mapped to a client. Only the
 * mapping's ids are audited, never what anyone said.
 */

const GROUP_KINDS = new Set(['group', 'family']);

/** The session, refused unless it is a group or family session. */
export function requireGroupSession(db: DbOrTx, sessionId: string) {
  const session = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!session)
    throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
  if (!GROUP_KINDS.has(session.kind))
    throw new ValidationError(
      'session_not_group',
      'This is not a group or family session. Participant summaries are written for group and family sessions only.',
    );
  return session;
}

/** The kinds a session's kind can be set to by hand (`couple` comes with a partner link). */
export const SETTABLE_KINDS = ['individual', 'group', 'family'] as const;

/**
 * Makes a session individual, group or family. Refused for a signed session (part of the record as
 * signed), a couple's joint session (its kind comes with the link), and for leaving group or family
 * once participants' summaries are filed under their clients. Audited by ids.
 */
export function setSessionKind(
  db: DbOrTx,
  sessionId: string,
  kind: (typeof SETTABLE_KINDS)[number],
  actor: string,
): void {
  atomically(db, (tx) => {
    const session = tx.select().from(sessions).where(eq(sessions.id, sessionId)).get();
    if (!session)
      throw new ValidationError('session_not_found', `There is no session with id ${sessionId}.`);
    if (session.kind === kind) return;
    if (session.status === 'approved')
      throw new ValidationError(
        'session_signed',
        'This session is approved and signed, so its kind can no longer be changed.',
      );
    if (session.kind === 'couple')
      throw new ValidationError(
        'session_is_joint',
        'This is a couple’s joint session: its kind comes with the partner link.',
      );
    const filed = tx
      .select({ id: participantSummaries.id })
      .from(participantSummaries)
      .where(eq(participantSummaries.sessionId, sessionId))
      .get();
    if (filed && !GROUP_KINDS.has(kind))
      throw new ValidationError(
        'session_has_participant_summaries',
        'Participants’ summaries of this session are filed under their clients, so it stays a group or family session.',
      );
    tx.update(sessions)
      .set({ kind, updatedAt: Date.now() })
      .where(eq(sessions.id, sessionId))
      .run();
    recordAudit(tx, {
      actor,
      action: 'session.kind_set',
      entityType: 'session',
      entityId: sessionId,
      detail: { from: session.kind, to: kind },
    });
  });
}

/** Speaker id → client id of the session's participants. */
export function participantsOf(db: DbOrTx, sessionId: string): Map<string, string> {
  return new Map(
    db
      .select({ speakerId: sessionParticipants.speakerId, clientId: sessionParticipants.clientId })
      .from(sessionParticipants)
      .where(eq(sessionParticipants.sessionId, sessionId))
      .all()
      .map((row) => [row.speakerId, row.clientId]),
  );
}

const SAMPLE_CHARS = 120;

/** Every speaker of the session with what they said in brief and the client they are. */
export function groupSpeakers(db: DbOrTx, sessionId: string): GroupSpeaker[] {
  const mapped = participantsOf(db, sessionId);
  const names = new Map(
    db
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      .innerJoin(sessionParticipants, eq(sessionParticipants.clientId, clients.id))
      .where(eq(sessionParticipants.sessionId, sessionId))
      .all()
      .map((row) => [row.id, row.name]),
  );
  const segments = db
    .select({
      speakerId: transcriptSegments.speakerId,
      text: transcriptSegments.text,
      start: transcriptSegments.startSec,
      end: transcriptSegments.endSec,
    })
    .from(transcriptSegments)
    .where(eq(transcriptSegments.sessionId, sessionId))
    .orderBy(asc(transcriptSegments.seq))
    .all();
  return db
    .select()
    .from(speakers)
    .where(eq(speakers.sessionId, sessionId))
    .orderBy(asc(speakers.label))
    .all()
    .map((speaker) => {
      const own = segments.filter((s) => s.speakerId === speaker.id);
      // The longest line tells a voice apart better than a "yeah" at the start.
      const sample = own.reduce((best, s) => (s.text.length > best.length ? s.text : best), '');
      const clientId = mapped.get(speaker.id) ?? null;
      return {
        speakerId: speaker.id,
        label: speaker.label,
        displayName: speaker.displayName,
        role: speaker.role,
        sample: sample.length > SAMPLE_CHARS ? `${sample.slice(0, SAMPLE_CHARS - 1)}…` : sample,
        talkSec: Math.round(own.reduce((sum, s) => sum + Math.max(0, s.end - s.start), 0)),
        lines: own.length,
        clientId,
        clientName: clientId ? (names.get(clientId) ?? null) : null,
      };
    });
}

/**
 * Replaces the session's mapping. Refused, with nothing changed: a session that is not group or
 * family, a speaker of another session or marked as the clinician, a client who does not exist,
 * a speaker or a client listed twice.
 */
export function setParticipants(db: DbOrTx, input: SetParticipantsInput, actor: string): void {
  atomically(db, (tx) => {
    requireGroupSession(tx, input.sessionId);
    const own = new Map(
      tx
        .select()
        .from(speakers)
        .where(eq(speakers.sessionId, input.sessionId))
        .all()
        .map((s) => [s.id, s]),
    );
    const seenSpeakers = new Set<string>();
    const seenClients = new Set<string>();
    for (const { speakerId, clientId } of input.participants) {
      const speaker = own.get(speakerId);
      if (!speaker)
        throw new ValidationError(
          'speaker_not_in_session',
          'One of those speakers is not a speaker of this session. Reload the session and map its own speakers.',
        );
      if (speaker.role === 'clinician')
        throw new ValidationError(
          'speaker_is_clinician',
          'That speaker is marked as the clinician, whose turns are the shared context. Change the speaker’s role first if it is a client.',
        );
      if (seenSpeakers.has(speakerId))
        throw new ValidationError(
          'speaker_mapped_twice',
          'A speaker can be one client only: each speaker is listed once.',
        );
      if (seenClients.has(clientId))
        throw new ValidationError(
          'client_mapped_twice',
          'A client can be one speaker only. If two speakers are the same person, merge the speakers first.',
        );
      if (!tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId)).get())
        throw new ValidationError(
          'client_not_found',
          'One of those clients does not exist. Choose clients from the list.',
        );
      seenSpeakers.add(speakerId);
      seenClients.add(clientId);
    }
    tx.delete(sessionParticipants).where(eq(sessionParticipants.sessionId, input.sessionId)).run();
    if (input.participants.length > 0)
      tx.insert(sessionParticipants)
        .values(input.participants.map((p) => ({ sessionId: input.sessionId, ...p })))
        .run();
    recordAudit(tx, {
      actor,
      action: 'group.participants_set',
      entityType: 'session',
      entityId: input.sessionId,
      // Ids only, as speaker:client pairs: the audit log is flat and holds no one's words.
      detail: {
        participants: input.participants.length,
        mapping: input.participants.map((p) => `${p.speakerId}:${p.clientId}`).join(','),
      },
    });
  });
}
