import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { seedTranscript, SHORT_SESSION } from '../helpers/notes';

/** Who said what, through the API: rename, role, talk time, merge and reassigning a turn. */
describe('speakers', () => {
  const temp = makeTempDir();
  let core: Core;
  let sessionId: string;
  let segmentIds: string[];
  beforeAll(async () => {
    core = await startCore({ dataDir: temp.dir, actor: 'dr-lee', transport: 'in-process' });
    sessionId = createSession(core.database.db, {
      clientId: null,
      date: '2026-11-22',
      kind: 'individual',
    });
    segmentIds = seedTranscript(core.database.db, sessionId, SHORT_SESSION);
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('lists each speaker with talk time, turns and words per minute from the transcript', async () => {
    const speakers = await call(core, 'speakers.list', { sessionId });
    expect(speakers.map((s) => s.label)).toEqual(['SPEAKER_00', 'SPEAKER_01']);
    // Eight 4-second segments: the clinician has 4, the client 4 (two of them one turn).
    expect(speakers.map((s) => s.talkTimeSec)).toEqual([16, 16]);
    expect(speakers.map((s) => s.share)).toEqual([0.5, 0.5]);
    expect(speakers.map((s) => s.turns)).toEqual([4, 3]);
    expect(speakers[0]?.wordsPerMinute).toBeGreaterThan(0);
  });

  it('renames and sets a role; the transcript shows the name, the label stays', async () => {
    const [clinician] = await call(core, 'speakers.list', { sessionId });
    const updated = await call(core, 'speakers.update', {
      id: clinician?.id as string,
      displayName: 'Dr. Lee',
      role: 'clinician',
    });
    expect(updated[0]).toMatchObject({
      label: 'SPEAKER_00',
      displayName: 'Dr. Lee',
      role: 'clinician',
    });
    const transcript = await call(core, 'sessions.transcript', { id: sessionId });
    expect(transcript[0]?.speaker).toBe('Dr. Lee');
    // The audit log names the speaker's id, never the name.
    const audit = JSON.stringify(core.database.connection.prepare('select * from audit_log').all());
    expect(audit).toContain('speaker.updated');
    expect(audit).not.toContain('Dr. Lee');
  });

  it('reassigns one turn to another speaker, and merges two labels into one', async () => {
    const [clinician, client] = await call(core, 'speakers.list', { sessionId });
    await call(core, 'transcript.reassign', {
      segmentIds: [segmentIds[1] as string],
      speakerId: clinician?.id as string,
    });
    let transcript = await call(core, 'sessions.transcript', { id: sessionId });
    expect(transcript[1]?.speakerId).toBe(clinician?.id);
    const merged = await call(core, 'speakers.merge', {
      from: client?.id as string,
      into: clinician?.id as string,
    });
    expect(merged.map((s) => s.label)).toEqual(['SPEAKER_00']);
    expect(merged[0]).toMatchObject({ share: 1, turns: 1 });
    transcript = await call(core, 'sessions.transcript', { id: sessionId });
    expect(new Set(transcript.map((l) => l.speaker))).toEqual(new Set(['Dr. Lee']));
    expect(
      await rejection(
        call(core, 'speakers.merge', {
          from: clinician?.id as string,
          into: clinician?.id as string,
        }),
      ),
    ).toMatchObject({ category: 'validation' });
  });
});
