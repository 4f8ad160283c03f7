import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncRunResult, SyncStatus } from '../../shared/api/sync-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import {
  enqueueOutboxItem,
  outboxItemsOfSession,
  pendingOutboxItems,
} from '../../electron/core/store/repositories/sync-outbox';
import { buildSessionAbstract } from '../../electron/core/sync/abstract/build-abstract';
import { runCairn } from '../helpers/cli';
import { rejection } from '../helpers/errors';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { startRecordingProxy, startTestBucket, type TestBucket } from '../helpers/s3';
import {
  enableSharing,
  seedApprovedSession,
  seedReviewableSession,
  sessionSeed,
} from '../helpers/sharing';

/**
 * The outbox under stress: a `cairn sync run` killed between "stored" and "marked uploaded", a
 * payload that still names someone, and sharing switched off. s3rver is the bucket; a recording
 * proxy in front of it sees (and can withhold answers to) every request Cairn makes.
 */

const CLIENTS = ['Maria Lopez', 'Ana Whitfield', 'Tomasz Brzezinski', 'Grace Oyelaran'];

async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await startCore({ dataDir, actor: 'dr-okafor', transport: 'in-process' });
  try {
    return await work(core);
  } finally {
    await core.shutdown();
  }
}

describe('the sharing outbox', () => {
  const store = makeTempDir('cairn-s3-');
  let bucket: TestBucket;
  let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;

  beforeAll(async () => {
    bucket = await startTestBucket(store.dir);
    proxy = await startRecordingProxy(bucket.endpoint);
  });
  afterAll(async () => {
    await proxy.close();
    await bucket.close();
    store.remove();
  });

  it('survives cairn sync run killed mid-upload: every abstract ends up in the bucket exactly once', async () => {
    const temp = makeTempDir();
    try {
      const expectedKeys = await withCore(temp.dir, async (core) => {
        await enableSharing(core, proxy.endpoint, 'crash/');
        const ids: string[] = [];
        for (const client of CLIENTS)
          ids.push(await seedApprovedSession(core, sessionSeed(client)));
        expect(pendingOutboxItems(core.database.db)).toHaveLength(CLIENTS.length);
        return ids.map((id) => `crash/${outboxItemsOfSession(core.database.db, id)[0]?.objectKey}`);
      });

      // The first PUT is answered; the second is stored by the bucket but its answer withheld,
      // so the process dies after the upload and before it could record it.
      proxy.holdAfter(1);
      const putsBefore = proxy.puts().length;
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, 'electron/core/cli/bin.mjs'), '--data-dir', temp.dir, 'sync', 'run'],
        { cwd: REPO_ROOT, env: { ...process.env, CAIRN_DATA_DIR: '' }, stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      await proxy.until(() => proxy.storedButHeld.length === 1);
      child.kill('SIGKILL');
      await exited;
      expect(proxy.puts().length - putsBefore).toBe(2);
      expect((await bucket.objects()).filter((o) => o.key.startsWith('crash/'))).toHaveLength(2);

      proxy.holdAfter(Number.POSITIVE_INFINITY);
      const again = await runCairn(['sync', 'run', '--json'], { dataDir: temp.dir });
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
      // The one stored-but-unrecorded is sent again (to its own key), with the two never sent.
      expect(JSON.parse(again.stdout) as SyncRunResult).toMatchObject({
        uploaded: 3,
        blocked: 0,
        failed: 0,
        pending: 0,
        error: null,
      });
      const keys = (await bucket.objects()).map((o) => o.key).filter((k) => k.startsWith('crash/'));
      expect(keys.sort()).toEqual([...expectedKeys].sort());
      const heldKey = proxy.storedButHeld[0] ?? '';
      expect(proxy.puts().filter((p) => p.url === heldKey)).toHaveLength(2);

      const status = await runCairn(['sync', 'status', '--json'], { dataDir: temp.dir });
      expect(JSON.parse(status.stdout) as SyncStatus).toMatchObject({
        counts: { pending: 0, uploaded: CLIENTS.length, blocked: 0 },
      });
      // A later run finds nothing to do and sends nothing.
      const putsAfter = proxy.puts().length;
      const idle = await runCairn(['sync', 'run', '--json'], { dataDir: temp.dir });
      expect(JSON.parse(idle.stdout)).toMatchObject({ uploaded: 0, pending: 0 });
      expect(proxy.puts().length).toBe(putsAfter);
    } finally {
      temp.remove();
    }
  });

  it('blocks a payload that still names the client: never sent, reported in status, CLI and audit', async () => {
    const temp = makeTempDir();
    try {
      const { tainted, clean, taintedKey } = await withCore(temp.dir, async (core) => {
        const db = core.database.db;
        // Approved while sharing was off, then its abstract queued with the de-identification
        // undone: the client's name back where the summary had [NAME].
        const tainted = await seedApprovedSession(core, sessionSeed('Zephyrine Quillfeather'));
        const built = buildSessionAbstract(db, tainted);
        if (!built) throw new Error('no abstract');
        expect(built.payload).toContain('[NAME] reports');
        enqueueOutboxItem(db, {
          sessionId: tainted,
          kind: built.kind,
          version: built.version,
          objectKey: built.objectKey,
          payload: built.payload.replace('[NAME] reports', 'zephyrine reports'),
        });
        await enableSharing(core, proxy.endpoint, 'blocked/');
        const clean = await seedApprovedSession(core, sessionSeed('Maria Lopez'));
        return { tainted, clean, taintedKey: built.objectKey };
      });

      const putsBefore = proxy.puts().length;
      const run = await runCairn(['sync', 'run', '--json'], { dataDir: temp.dir });
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ uploaded: 1, blocked: 1, pending: 0 });
      expect(run.stderr).toContain('1 abstract was blocked');
      expect(proxy.puts().length - putsBefore).toBe(1);
      expect(proxy.seen.some((r) => r.url.includes(taintedKey))).toBe(false);
      const keys = (await bucket.objects())
        .map((o) => o.key)
        .filter((k) => k.startsWith('blocked/'));
      expect(keys).toHaveLength(1);
      expect(keys[0]).not.toContain(taintedKey);

      const text = await runCairn(['sync', 'status'], { dataDir: temp.dir });
      expect(text.stdout).toContain('pending 0, uploaded 1, blocked 1');
      expect(text.stdout).toMatch(new RegExp(`${tainted}\\s+NAME`));
      expect(text.stdout).not.toContain('zephyrine');

      await withCore(temp.dir, async (core) => {
        const status = await call(core, 'sync.status', { sessionId: tainted });
        expect(status.counts).toEqual({ pending: 0, uploaded: 1, blocked: 1 });
        expect(status.blocked).toEqual([
          expect.objectContaining({ sessionId: tainted, categories: ['NAME'] }),
        ]);
        expect(status.session).toMatchObject({ status: 'blocked', categories: ['NAME'] });
        expect(status.nextStep).toContain('blocked');
        expect((await call(core, 'sync.status', { sessionId: clean })).session?.status).toBe(
          'uploaded',
        );
        // Running again never sends a blocked item.
        expect(await call(core, 'sync.run', {})).toMatchObject({ uploaded: 0, blocked: 0 });
        const audit = listAudit(core.database.db).find((e) => e.action === 'sync.blocked');
        expect(audit).toMatchObject({ entityType: 'session', entityId: tainted });
        expect(JSON.parse(audit?.detailJson ?? '{}')).toMatchObject({
          categories: 'NAME',
          count: 1,
        });
        expect(JSON.stringify(listAudit(core.database.db)).toLowerCase()).not.toContain(
          'zephyrine',
        );
      });
      expect(proxy.seen.some((r) => r.url.includes(taintedKey))).toBe(false);
    } finally {
      temp.remove();
    }
  });

  it('with sharing off, queues nothing and makes no connection, even in the background', async () => {
    const temp = makeTempDir();
    try {
      const requestsBefore = proxy.seen.length;
      const core = await startCore({
        dataDir: temp.dir,
        actor: 'dr-okafor',
        transport: 'in-process',
        pipeline: { recover: true },
        sync: { intervalMs: 20 },
      });
      try {
        await enableSharing(core, proxy.endpoint, 'off/');
        await call(core, 'settings.set', { name: 'syncEnabled', value: false });
        const sessionId = seedReviewableSession(core, sessionSeed('Maria Lopez'));
        await call(core, 'sessions.approve', { id: sessionId });
        expect(outboxItemsOfSession(core.database.db, sessionId)).toHaveLength(0);
        // Let background passes run (the interval is 20 ms) and then look: still nothing.
        const passes = core.sync.lastPass?.at ?? 0;
        await new Promise<void>((resolve) => {
          const poll = setInterval(() => {
            if ((core.sync.lastPass?.at ?? 0) > passes) {
              clearInterval(poll);
              resolve();
            }
          }, 10);
        });
        expect(core.sync.lastPass).toMatchObject({ uploaded: 0, error: { code: 'sync_disabled' } });
        expect(await rejection(call(core, 'sync.run', {}))).toMatchObject({
          code: 'sync_disabled',
        });
        expect(await rejection(call(core, 'sync.testConnection', {}))).toMatchObject({
          code: 'sync_disabled',
        });
        expect(await call(core, 'sync.status', { sessionId })).toMatchObject({
          enabled: false,
          counts: { pending: 0, uploaded: 0, blocked: 0 },
          session: { status: 'not_queued' },
        });
      } finally {
        await core.shutdown();
      }
      const cli = await runCairn(['sync', 'run'], { dataDir: temp.dir });
      expect(cli.code).toBe(2);
      expect(cli.stderr).toContain('Sharing is off');
      expect(proxy.seen.length).toBe(requestsBefore);
    } finally {
      temp.remove();
    }
  });
});
