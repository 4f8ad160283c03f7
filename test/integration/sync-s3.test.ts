import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { SECRET_MASK } from '../../electron/core/config/settings';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { outboxItemsOfSession } from '../../electron/core/store/repositories/sync-outbox';
import type { SessionAbstract } from '../../electron/core/sync/abstract/build-abstract';
import { makeTempDir } from '../helpers/fixtures';
import { startRecordingProxy, startTestBucket, type TestBucket } from '../helpers/s3';
import { enableSharing, seedApprovedSession, sessionSeed } from '../helpers/sharing';

/**
 * Approving a note in the app shares its abstract with a real S3-protocol server (s3rver on
 * 127.0.0.1) through the background outbox, and nothing identifying goes with it.
 */

/** Every identifier the seeded session holds, as it would appear in any form. */
const IDENTIFIERS = [
  'Maria',
  'Lopez',
  'Helen',
  'Okafor',
  'Daniel',
  'Tacoma',
  '2025-03-14',
  'March',
  '555-212-3344',
  '212-3344',
  'third of March',
];

describe('sharing abstracts of approved sessions (S3)', () => {
  const temp = makeTempDir();
  const store = makeTempDir('cairn-s3-');
  let bucket: TestBucket;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  let core: Core;

  beforeAll(async () => {
    bucket = await startTestBucket(store.dir);
    proxy = await startRecordingProxy(bucket.endpoint);
    core = await startCore({
      dataDir: temp.dir,
      actor: 'dr-okafor',
      transport: 'in-process',
      // As the app runs it: the outbox works in the background.
      pipeline: { recover: true },
    });
    await enableSharing(core, proxy.endpoint);
  });
  afterAll(async () => {
    await core.shutdown();
    await proxy.close();
    await bucket.close();
    temp.remove();
    store.remove();
  });

  it('never shows the secret key again, and keeps it when the form sends the mask back', async () => {
    const settings = await call(core, 'settings.get', {});
    expect(settings.syncSecretAccessKey).toBe(SECRET_MASK);
    expect(JSON.stringify(settings)).not.toContain('"S3RVER"}');
    await call(core, 'settings.set', { name: 'syncSecretAccessKey', value: SECRET_MASK });
    expect(await call(core, 'sync.testConnection', {})).toMatchObject({ ok: true });
  });

  it('uploads the approved session’s abstract once, under its pseudonymous key, with SSE requested', async () => {
    const sessionId = await seedApprovedSession(core, sessionSeed('Maria Lopez'));
    // Queued in the approval's own transaction…
    expect(outboxItemsOfSession(core.database.db, sessionId)).toHaveLength(1);
    // …and uploaded by the background worker, without anyone asking.
    await proxy.until(() => proxy.puts().length === 1);
    await core.sync.runNow(); // waits for the background pass to finish recording its result
    const objects = await bucket.objects();
    expect(objects).toHaveLength(1);
    const [object] = objects;
    expect(object?.key).toMatch(/^practice-a\/session-abstract\/v1\/[0-9a-f]{32}\.json$/);
    expect(proxy.puts()[0]?.headers['x-amz-server-side-encryption']).toBe('AES256');

    const abstract = JSON.parse(object?.body.toString('utf8') ?? '') as SessionAbstract;
    expect(abstract).toMatchObject({
      format: 'cairn.session-abstract',
      version: 1,
      sessionKind: 'individual',
      noteTemplates: ['soap'],
    });
    expect(object?.key).toContain(abstract.id);
    expect(abstract.frameworks.map((f) => f.id)).toEqual(
      expect.arrayContaining(['cognitive_restructuring', 'relaxation', 'sleep_hygiene']),
    );
    expect(abstract.themes.map((t) => t.id)).toEqual(
      expect.arrayContaining(['work_anxiety', 'sleep']),
    );
    // "Denies suicidal ideation" is a finding ruled out, not a theme.
    expect(abstract.themes.map((t) => t.id)).not.toContain('suicidal_ideation');
    expect(abstract.focus).toContain('cognitive restructuring for work-related anxiety');
    expect(abstract.summary).toContain('[NAME] reports anxiety about her job');
    expect(abstract.summary).toContain('[PHONE]');
    expect(abstract.stats).toEqual({
      durationMinutes: 50,
      speakers: 2,
      talkShare: { clinician: 0.5, client: 0.5, other: 0 },
      stageSeconds: { preprocess: 2.1, transcribe: 12.3, diarize: 8 },
    });

    const bytes = object?.body.toString('utf8').toLowerCase() ?? '';
    for (const identifier of IDENTIFIERS) expect(bytes).not.toContain(identifier.toLowerCase());
    expect(bytes).not.toContain(sessionId);

    const status = await call(core, 'sync.status', { sessionId });
    expect(status).toMatchObject({
      enabled: true,
      counts: { pending: 0, uploaded: 1, blocked: 0 },
      lastError: null,
      nextStep: null,
      session: { status: 'uploaded', attempts: 1, lastError: null },
    });
    // Approving again is refused, and a pass now uploads nothing twice.
    expect(await core.sync.runNow()).toMatchObject({ uploaded: 0, pending: 0, enqueued: 0 });
    expect(proxy.puts()).toHaveLength(1);

    const audit = listAudit(core.database.db).filter((e) => e.action.startsWith('sync.'));
    expect(audit.map((e) => e.action)).toEqual(['sync.uploaded']);
    for (const identifier of IDENTIFIERS) expect(JSON.stringify(audit)).not.toContain(identifier);
  });

  it('shares sessions approved before sharing was on, when a pass sweeps them up', async () => {
    await call(core, 'settings.set', { name: 'syncEnabled', value: false });
    const earlier = await seedApprovedSession(core, sessionSeed('Ana Whitfield'));
    expect(outboxItemsOfSession(core.database.db, earlier)).toHaveLength(0);
    await call(core, 'settings.set', { name: 'syncEnabled', value: true });
    const result = await core.sync.runNow();
    expect(result).toMatchObject({ pending: 0, error: null });
    expect(outboxItemsOfSession(core.database.db, earlier)[0]?.status).toBe('uploaded');
    const objects = await bucket.objects();
    expect(objects).toHaveLength(2);
    for (const { body } of objects) {
      const text = body.toString('utf8').toLowerCase();
      for (const word of ['ana', 'whitfield'])
        expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });
});
