import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { NoteContent } from '../../shared/api/note-schemas';
import type { Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { createClient } from '../../electron/core/store/repositories/clients';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { insertRecording } from '../../electron/core/store/repositories/recordings';
import { createRun, transitionRun, updateStage } from '../../electron/core/store/repositories/runs';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import { speakers } from '../../electron/core/store/schema';
import { findTemplate } from '../../electron/core/notes/write-note';
import { seedTranscript, STORED_DRAFT_GENERATION } from './notes';

/** A fictional session full of identifiers, so a test can prove none of them leaves. */
export interface SharedSessionSeed {
  client: string;
  clinician: string;
  date: string;
  lines: readonly (readonly ['clinician' | 'client', string])[];
  /** The signed note's statements, by SOAP section. */
  note: Record<'subjective' | 'objective' | 'assessment' | 'plan', string[]>;
}

export function sessionSeed(client: string, clinician = 'Dr. Helen Okafor'): SharedSessionSeed {
  const given = client.split(' ')[0] ?? client;
  return {
    client,
    clinician,
    date: '2025-03-14',
    lines: [
      ['clinician', `Good to see you, ${given}. How has work been since the third of March?`],
      ['client', 'My boss keeps piling on deadlines and I lie awake worrying about my job.'],
      ['client', 'My husband Daniel says I check my phone all night. We live in Tacoma now.'],
      ['clinician', 'Let us look at the thought that you will be fired, and the evidence for it.'],
      ['client', 'I guess there is not much evidence. I still feel anxious about it.'],
      [
        'clinician',
        'Keep the breathing exercise going before bed, and call 555-212-3344 if needed.',
      ],
    ],
    note: {
      subjective: [
        `${client} reports anxiety about her job and poor sleep since March 3, 2025; her husband Daniel has noticed.`,
      ],
      objective: ['Client appeared tired but engaged; speech normal.'],
      assessment: [
        'Work-related anxiety maintained by catastrophic predictions; cognitive restructuring of her anxious thoughts about work helped her weigh the evidence.',
        'Denies suicidal ideation.',
      ],
      plan: [
        `Continue breathing exercises and a wind-down routine; ${clinician} to review next session. Crisis line 555-212-3344.`,
      ],
    },
  };
}

function soapContent(note: SharedSessionSeed['note']): NoteContent {
  return {
    templateId: 'soap',
    templateVersion: 1,
    sections: (['subjective', 'objective', 'assessment', 'plan'] as const).map((key) => ({
      key,
      title: key.charAt(0).toUpperCase() + key.slice(1),
      items: note[key].map((text) => ({
        text,
        segmentIds: [],
        quote: '',
        fields: {},
        supported: true,
        problems: [],
        origin: 'ai' as const,
      })),
    })),
  };
}

/**
 * A processed session as the pipeline leaves it (recording, transcript with named speakers, a
 * completed run with stage timings, a SOAP draft), awaiting review. Returns its id.
 */
export function seedReviewableSession(core: Core, seed: SharedSessionSeed): string {
  const db = core.database.db;
  const clientId = createClient(db, seed.client);
  const sessionId = createSession(db, { clientId, date: seed.date, kind: 'individual' });
  insertRecording(db, {
    sessionId,
    contentHash: randomBytes(32).toString('hex'),
    originalName: `${seed.client} ${seed.date}.m4a`,
    format: 'm4a',
    sizeBytes: 1000,
    storedPath: 'recordings/none.m4a',
    durationSec: 50 * 60 + 20,
  });
  seedTranscript(db, sessionId, seed.lines);
  for (const [label, name] of [
    ['SPEAKER_00', seed.clinician],
    ['SPEAKER_01', seed.client],
  ] as const)
    db.update(speakers)
      .set({ displayName: name })
      .where(and(eq(speakers.sessionId, sessionId), eq(speakers.label, label)))
      .run();
  const runId = createRun(db, { sessionId, optionsJson: '{}' });
  if (!runId) throw new Error('a live run already exists');
  for (const [stage, ms] of [
    ['preprocess', 2100],
    ['transcribe', 12_340],
    ['diarize', 8000],
  ] as const)
    updateStage(db, runId, stage, { status: 'completed', durationMs: ms });
  transitionRun(db, runId, 'queued', { status: 'completed', finishedAt: Date.now() });
  // As the notes stage does before writing: the built-in templates are in the library.
  findTemplate(db, 'soap');
  const content = soapContent(seed.note);
  saveAiDraft(db, {
    sessionId,
    templateId: 'soap',
    content,
    text: content.sections.map((s) => s.items.map((i) => i.text).join('\n')).join('\n'),
    generation: STORED_DRAFT_GENERATION,
    author: 'cairn',
  });
  setSessionStatus(db, sessionId, 'awaiting_review');
  return sessionId;
}

export async function seedApprovedSession(core: Core, seed: SharedSessionSeed): Promise<string> {
  const sessionId = seedReviewableSession(core, seed);
  await call(core, 'sessions.approve', { id: sessionId });
  return sessionId;
}

/** Turns sharing on against `endpoint` (s3rver's credentials), under `prefix`. */
export async function enableSharing(core: Core, endpoint: string, prefix = 'practice-a/') {
  for (const [name, value] of Object.entries({
    syncEndpoint: endpoint,
    syncBucket: 'practice',
    syncPrefix: prefix,
    syncForcePathStyle: true,
    syncAccessKeyId: 'S3RVER',
    syncSecretAccessKey: 'S3RVER',
    syncEnabled: true,
  }))
    await call(core, 'settings.set', { name, value });
}
