/**
 * Writes the generated library into a Cairn library: clients, sessions (signed), speakers,
 * transcript segments, the signed note (through the notes repository, as reviewed notes are
 * stored) and acknowledged risk flags. One transaction per session, as the pipeline commits a
 * stage; the segments go in with plain batched inserts (a million rows: minutes, not hours).
 * Segment words are left empty ('[]'): search never reads them, and they would only inflate the
 * file being measured. The one session measured for incremental indexing is written as the
 * pipeline writes it instead (writePipelineSession).
 */
import { eq } from 'drizzle-orm';
import { SIGNED_BY_HAND } from '../../helpers/client-history';
import type { Db } from '../../../electron/core/store/open-database';
import {
  approveNotesOfSession,
  saveAiDraft,
} from '../../../electron/core/store/repositories/notes';
import {
  acknowledgeRiskFlag,
  addRiskFlag,
} from '../../../electron/core/store/repositories/risk-flags';
import {
  applySpeakers,
  readTranscript,
  replaceTranscript,
} from '../../../electron/core/store/repositories/transcript';
import { atomically, type DbOrTx } from '../../../electron/core/store/repositories/types';
import {
  clients,
  sessions,
  speakers,
  transcriptSegments,
} from '../../../electron/core/store/schema';
import { stableId, type LibraryPlan, type PlannedSession } from './library-plan';
import { generateNote, generateTranscript, noteText } from './session-content';

const INSERT_BATCH = 500;
const ACTOR = 'bench';

export interface Written {
  segments: number;
  words: number;
}

export function writeClients(db: Db, plan: LibraryPlan): void {
  atomically(db, (tx) => {
    for (const client of plan.clients)
      tx.insert(clients).values({ id: client.id, name: client.name }).run();
  });
}

/** The signed note and acknowledged risk flags of a session whose transcript is stored. */
function signNote(tx: DbOrTx, plan: LibraryPlan, session: PlannedSession, segmentIds: string[]) {
  const transcript = generateTranscript(plan, session);
  const content = generateNote(plan, session, transcript, segmentIds);
  saveAiDraft(tx, {
    sessionId: session.id,
    templateId: session.templateId,
    content,
    text: noteText(content),
    generation: SIGNED_BY_HAND,
    author: ACTOR,
  });
  for (const kind of session.risks) {
    const id = addRiskFlag(tx, { sessionId: session.id, runId: null, kind, evidence: {} });
    acknowledgeRiskFlag(tx, id, ACTOR);
  }
  approveNotesOfSession(tx, session.id, ACTOR);
  tx.update(sessions).set({ status: 'approved' }).where(eq(sessions.id, session.id)).run();
}

function insertSession(tx: DbOrTx, session: PlannedSession): void {
  const { id, clientId, date, kind } = session;
  tx.insert(sessions).values({ id, clientId, date, kind }).run();
}

/** One session of the library, whole, in one transaction. */
export function writeSession(db: Db, plan: LibraryPlan, session: PlannedSession): Written {
  const transcript = generateTranscript(plan, session);
  const speakerIds = new Map(
    transcript.speakers.map((s) => [s.label, stableId(`speaker:${session.index}:${s.label}`)]),
  );
  const segmentIds = transcript.segments.map((_, seq) =>
    stableId(`segment:${session.index}:${seq}`),
  );
  atomically(db, (tx) => {
    insertSession(tx, session);
    tx.insert(speakers)
      .values(
        transcript.speakers.map((s) => ({
          ...s,
          id: speakerIds.get(s.label) as string,
          sessionId: session.id,
        })),
      )
      .run();
    const rows = transcript.segments.map((segment, seq) => ({
      id: segmentIds[seq] as string,
      sessionId: session.id,
      seq,
      startSec: segment.start,
      endSec: segment.end,
      speakerId: speakerIds.get(segment.speaker) ?? null,
      text: segment.text,
    }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      tx.insert(transcriptSegments)
        .values(rows.slice(i, i + INSERT_BATCH))
        .run();
    signNote(tx, plan, session, segmentIds);
  });
  return { segments: transcript.segments.length, words: transcript.words };
}

/**
 * A session written as the pipeline writes one: the transcription stage's commit (segments with
 * their words), the merge stage's (speakers), then the notes stage's (draft, flags) with the
 * clinician's signature — three transactions, each of which the index has to catch up with.
 */
export function writePipelineSession(db: Db, plan: LibraryPlan, session: PlannedSession): Written {
  const transcript = generateTranscript(plan, session);
  atomically(db, (tx) => {
    insertSession(tx, session);
    replaceTranscript(
      tx,
      session.id,
      transcript.segments.map((s) => ({ start: s.start, end: s.end, text: s.text, words: [] })),
    );
  });
  const stored = readTranscript(db, session.id);
  atomically(db, (tx) =>
    applySpeakers(
      tx,
      session.id,
      stored.map((s, i) => ({
        id: s.id,
        words: [],
        speakerLabel: transcript.segments[i]?.speaker ?? 'SPEAKER_00',
      })),
    ),
  );
  atomically(db, (tx) =>
    signNote(
      tx,
      plan,
      session,
      stored.map((s) => s.id),
    ),
  );
  return { segments: transcript.segments.length, words: transcript.words };
}
