import { and, eq } from 'drizzle-orm';
import type { Db } from '../../electron/core/store/open-database';
import type { SessionKind } from '../../shared/domain/enums';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { createSession } from '../../electron/core/store/repositories/sessions';
import {
  applySpeakers,
  readTranscript,
  replaceTranscript,
} from '../../electron/core/store/repositories/transcript';
import { speakers } from '../../electron/core/store/schema';

/**
 * A group session as the merge leaves it: the clinician (SPEAKER_00, role confirmed) and three
 * members (SPEAKER_01–03), each of whom says a canary (a name-like word no one else says) in a
 * line about their own concern. No audio: the transcript and speakers are written directly.
 */

export interface GroupMember {
  name: string;
  label: string;
  /** A word only this member says. */
  canary: string;
  lines: readonly string[];
}

export const GROUP_MEMBERS: readonly GroupMember[] = [
  {
    name: 'Ada Quill',
    label: 'SPEAKER_01',
    canary: 'Quillon',
    lines: [
      'I worry about my brother Quillon most nights and I cannot sleep.',
      'It helped a bit, I felt calmer after naming the lamp and the window.',
      'I will practise it before bed each night.',
    ],
  },
  {
    name: 'Ben Marsh',
    label: 'SPEAKER_02',
    canary: 'Marrowfield',
    lines: [
      'I feel anxious every time I drive past Marrowfield on the way to work.',
      'I found it hard to focus, my mind kept going back to the traffic.',
      'I will try it in the car park before work.',
    ],
  },
  {
    name: 'Cleo Tarn',
    label: 'SPEAKER_03',
    canary: 'Tibbar',
    lines: [
      'I have felt low and tearful since my old dog Tibbar died in the spring.',
      'I felt sad but a little lighter afterwards.',
      'I will do it on my morning walk with the neighbours.',
    ],
  },
];

const CLINICIAN_LINES = [
  'Welcome everyone. Today the topic is handling worry, and we will practise grounding together.',
  'Let us try the grounding exercise now. Notice five things you can see.',
  'For homework, everyone please practise the grounding exercise once a day.',
];

export interface SeededGroup {
  sessionId: string;
  clinicianSpeakerId: string;
  members: { clientId: string; speakerId: string; segmentIds: string[]; member: GroupMember }[];
}

export function seedGroupSession(
  db: Db,
  options: { kind?: SessionKind; date?: string } = {},
): SeededGroup {
  const sessionId = createSession(db, {
    clientId: null,
    date: options.date ?? '2026-11-20',
    kind: options.kind ?? 'group',
  });
  // Round by round: the clinician, then each member in turn.
  const script: { label: string; text: string }[] = [];
  CLINICIAN_LINES.forEach((text, round) => {
    script.push({ label: 'SPEAKER_00', text });
    for (const member of GROUP_MEMBERS)
      script.push({ label: member.label, text: member.lines[round] ?? '' });
  });
  replaceTranscript(
    db,
    sessionId,
    script.map(({ text }, i) => ({ start: i * 6, end: i * 6 + 5, text, words: [] })),
  );
  const stored = readTranscript(db, sessionId);
  applySpeakers(
    db,
    sessionId,
    stored.map((segment, i) => ({
      id: segment.id,
      words: [],
      speakerLabel: script[i]?.label ?? 'SPEAKER_00',
    })),
  );
  const rows = db.select().from(speakers).where(eq(speakers.sessionId, sessionId)).all();
  const idOf = (label: string) => rows.find((r) => r.label === label)?.id ?? '';
  db.update(speakers)
    .set({ role: 'clinician' })
    .where(and(eq(speakers.sessionId, sessionId), eq(speakers.label, 'SPEAKER_00')))
    .run();
  return {
    sessionId,
    clinicianSpeakerId: idOf('SPEAKER_00'),
    members: GROUP_MEMBERS.map((member) => ({
      clientId: findOrCreateClient(db, member.name).id,
      speakerId: idOf(member.label),
      segmentIds: stored.filter((_, i) => script[i]?.label === member.label).map((s) => s.id),
      member,
    })),
  };
}
