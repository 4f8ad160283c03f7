import type { Note } from '../../../../shared/api/note-schemas';
import { talkStats } from '../../merge/segment-stats';
import { getClient } from '../../store/repositories/clients';
import { notesOfSession } from '../../store/repositories/notes';
import { findRecordingForSession } from '../../store/repositories/recordings';
import { latestFinishedRunForSession, stagesOf } from '../../store/repositories/runs';
import { getSessionRow } from '../../store/repositories/sessions';
import { listSpeakers } from '../../store/repositories/speakers';
import { readTranscript } from '../../store/repositories/transcript';
import type { DbOrTx } from '../../store/repositories/types';
import { findIdentifiers } from '../deidentify';

/** An approved note's words as the clinician signed them (their version, else the AI draft). */
export function signedTextOf(note: Note): string {
  const version = note.clinician ?? note.ai;
  if (!version) return '';
  return version.content.sections
    .map((section) => {
      const statements = section.items.map((item) => item.text.trim()).filter(Boolean);
      return statements.length > 0 ? `${section.title}: ${statements.join(' ')}` : '';
    })
    .filter(Boolean)
    .join('\n');
}

export function approvedNotesOf(db: DbOrTx, sessionId: string): Note[] {
  return notesOfSession(db, sessionId).filter((note) => note.status === 'approved');
}

/**
 * Everyone the session names: the client, the speakers as the clinician named them, who signed,
 * and every name the de-identifier recognises anywhere in the transcript or the approved notes.
 * The last matters because a name said once with a cue ("my sister Ana") is then recognised
 * everywhere else too, even in lower case with no cue.
 */
export function knownNamesOf(db: DbOrTx, sessionId: string): string[] {
  const said = [
    ...readTranscript(db, sessionId).map((segment) => segment.text),
    ...approvedNotesOf(db, sessionId).map(signedTextOf),
  ];
  return namesSaidIn(said, namesOnRecordOf(db, sessionId));
}

/** The names the library itself holds for a session: its client, named speakers, signers. */
export function namesOnRecordOf(db: DbOrTx, sessionId: string): string[] {
  const names = new Set<string>();
  const session = getSessionRow(db, sessionId);
  const client = session?.clientId ? getClient(db, session.clientId) : undefined;
  if (client) names.add(client.name);
  for (const speaker of listSpeakers(db, sessionId))
    if (speaker.displayName) names.add(speaker.displayName);
  for (const note of approvedNotesOf(db, sessionId))
    if (note.approvedBy) names.add(note.approvedBy);
  return [...names];
}

/** `known`, and every name the de-identifier finds in the texts (no database: a worker runs it). */
export function namesSaidIn(texts: readonly string[], known: readonly string[]): string[] {
  const names = new Set(known);
  for (const found of findIdentifiers(texts.join('\n'), { knownNames: [...known] }))
    if (found.category === 'NAME') names.add(found.text);
  return [...names];
}

export interface SessionStats {
  /** Whole minutes: the exact length of a recording is a needless fingerprint. */
  durationMinutes: number | null;
  speakers: number;
  /** Shares of talk time by confirmed role (0–1, two decimals); unknown roles count as other. */
  talkShare: { clinician: number; client: number; other: number };
  /** Seconds (one decimal) each completed stage of the finished run took. */
  stageSeconds: Record<string, number>;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

export function sessionStatsOf(db: DbOrTx, sessionId: string): SessionStats {
  const recording = findRecordingForSession(db, sessionId);
  const speakers = listSpeakers(db, sessionId);
  const roleOf = new Map(speakers.map((s) => [s.id, s.role]));
  const talk = { clinician: 0, client: 0, other: 0 };
  for (const entry of talkStats(readTranscript(db, sessionId))) {
    const role = entry.speakerId ? roleOf.get(entry.speakerId) : undefined;
    const bucket = role === 'clinician' || role === 'client' ? role : 'other';
    talk[bucket] += entry.share;
  }
  const run = latestFinishedRunForSession(db, sessionId);
  const stageSeconds: Record<string, number> = {};
  for (const stage of run ? stagesOf(db, run.id) : [])
    if (stage.status === 'completed' && stage.durationMs !== null)
      stageSeconds[stage.stage] = Math.round(stage.durationMs / 100) / 10;
  return {
    durationMinutes: recording?.durationSec == null ? null : Math.round(recording.durationSec / 60),
    speakers: speakers.length,
    talkShare: {
      clinician: twoDecimals(talk.clinician),
      client: twoDecimals(talk.client),
      other: twoDecimals(talk.other),
    },
    stageSeconds,
  };
}
