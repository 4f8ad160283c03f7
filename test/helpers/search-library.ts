import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession } from '../../electron/core/store/repositories/sessions';
import {
  applySpeakers,
  readTranscript,
  replaceTranscript,
} from '../../electron/core/store/repositories/transcript';
import type { DbOrTx } from '../../electron/core/store/repositories/types';
import type { SessionKind } from '../../shared/domain/enums';
import {
  noteContentOf,
  TENSE_PARTNER,
  WORRIED_SLEEPER,
} from '../fixtures/clients/scripted-clients';
import { seedClientHistory, SIGNED_BY_HAND } from './client-history';

/** Who says each line: SPEAKER_00 the clinician, SPEAKER_01 the client (labels as diarized). */
export type Line = [speaker: 0 | 1, text: string];

/** A transcript written as the pipeline's stages leave it: segments 10 s apart, then speakers. */
export function writeTranscript(db: DbOrTx, sessionId: string, lines: readonly Line[]): string[] {
  replaceTranscript(
    db,
    sessionId,
    lines.map(([, text], i) => ({ start: i * 10, end: i * 10 + 9, text, words: [] })),
  );
  const segments = readTranscript(db, sessionId);
  applySpeakers(
    db,
    sessionId,
    segments.map((s, i) => ({ id: s.id, words: [], speakerLabel: `SPEAKER_0${lines[i]?.[0]}` })),
  );
  return segments.map((s) => s.id);
}

export const SLEEPLESS_TALK: Line[] = [
  [0, 'How have things been since we last met?'],
  [1, 'Honestly not great. I keep lying awake until three in the morning going over the office.'],
  [0, 'That sounds exhausting. What goes through your mind at those times?'],
  [1, 'That my manager will see I am failing and that I will lose the job.'],
  [1, 'My sister rang on Sunday and we argued about mum again.'],
];

/**
 * A small library for search: two scripted clients with signed notes (one session flagged for
 * risk each), a transcript on one session, and a couple session whose note used BIRP.
 */
export function seedSearchLibrary(db: DbOrTx) {
  const maria = seedClientHistory(db, WORRIED_SLEEPER);
  const tobias = seedClientHistory(db, TENSE_PARTNER);
  const talkSession = maria.sessions.get('2026-10-05') as string;
  const segmentIds = writeTranscript(db, talkSession, SLEEPLESS_TALK);
  const couple = sessionWithNote(db, tobias.clientId, '2026-10-20', 'couple', 'birp', [
    'Partners practised a timeout when the argument about chores escalated.',
  ]);
  return { maria, tobias, talkSession, segmentIds, couple };
}

/** A session whose draft note (not signed) holds `statements` in one section, with `templateId`. */
export function sessionWithNote(
  db: DbOrTx,
  clientId: string,
  date: string,
  kind: SessionKind,
  templateId: string,
  statements: string[],
): string {
  const sessionId = createSession(db, { clientId, date, kind });
  const content = { ...noteContentOf({ date, sections: { Behavior: statements } }), templateId };
  saveAiDraft(db, {
    sessionId,
    templateId,
    content,
    text: statements.join('\n'),
    generation: SIGNED_BY_HAND,
    author: 'test',
  });
  return sessionId;
}
