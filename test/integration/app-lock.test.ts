import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LockStatus } from '../../shared/api/security-schemas';
import type { EventMessage } from '../../shared/api/transport';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { runCairn } from '../helpers/cli';
import { envelopeError } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { pipelineEnv, twoVoiceRecording } from '../helpers/pipeline';

/** A clock the test moves by hand: inactivity without waiting for it. */
function manualClock(start = Date.UTC(2026, 0, 5, 9)) {
  let now = start;
  return { now: () => now, advanceMinutes: (minutes: number) => (now += minutes * 60_000) };
}

/**
 * The app lock at the gate, against a real core and database: what a locked Cairn refuses and
 * still answers, wrong passcodes and their wait, inactivity and logoff on an injected clock, a
 * pipeline run that finishes while locked, and the passcode hash never leaving the core.
 */
describe('the app lock', () => {
  const temp = makeTempDir();
  const cores: Core[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown();
  });
  afterAll(() => temp.remove());

  const appCore = async (name: string, clock = manualClock()) => {
    const core = await startCore({
      dataDir: path.join(temp.dir, name),
      actor: 'app:dr-lee',
      transport: 'http-bridge',
      libraryPointer: null,
      clock: clock.now,
    });
    cores.push(core);
    return core;
  };
  const status = (core: Core) => call(core, 'lock.status', {});
  const auditActions = (core: Core) =>
    (
      core.database.connection
        .prepare("select action from audit_log where entity_type = 'access' order by id")
        .all() as { action: string }[]
    ).map((r) => r.action);

  it('refuses every call but app.info, lock.status and lock.unlock while locked, and unlocks with the passcode', async () => {
    const core = await appCore('basic');
    expect(await status(core)).toMatchObject({ enforced: true, passcodeSet: false, locked: false });
    // No passcode: nothing could unlock it, so locking is refused.
    expect(envelopeError(await core.invoke('lock.lock', {})).code).toBe('no_passcode');
    await call(core, 'lock.setPasscode', { passcode: 'correct horse' });
    const locked = await call(core, 'lock.lock', {});
    expect(locked).toMatchObject({ locked: true, passcodeSet: true });

    for (const [method, input] of [
      ['sessions.list', {}],
      ['clients.list', {}],
      ['settings.get', {}],
      ['audit.list', {}],
      ['lock.touch', {}],
      ['lock.setPasscode', { passcode: 'taken over' }],
    ] as const) {
      const error = envelopeError(await core.invoke(method, input));
      expect(error, method).toMatchObject({ code: 'locked', category: 'validation' });
      expect(error.message).toMatch(/Unlock it with your passcode/);
    }
    expect((await core.invoke('app.info', {})).ok).toBe(true);
    expect((await core.invoke('lock.status', {})).ok).toBe(true);

    const wrong = envelopeError(await core.invoke('lock.unlock', { passcode: 'Correct horse' }));
    expect(wrong.code).toBe('wrong_passcode');
    expect(wrong.message).toMatch(/not right/);
    expect((await status(core)).locked).toBe(true);

    expect(await call(core, 'lock.unlock', { passcode: 'correct horse' })).toMatchObject({
      locked: false,
    });
    expect((await core.invoke('sessions.list', {})).ok).toBe(true);
    expect(auditActions(core)).toEqual([
      'access.passcode_set',
      'access.locked',
      'access.unlock_failed',
      'access.unlocked',
    ]);
  }, 60_000);

  it('never returns the passcode or its hash, and settings.set cannot write it', async () => {
    const core = await appCore('hash');
    await call(core, 'lock.setPasscode', { passcode: 'sesame-4821' });
    const stored = core.database.connection
      .prepare("select value_json from settings where key = 'security.passcodeHash'")
      .get() as { value_json: string };
    const record = JSON.parse(stored.value_json) as { hash: string; salt: string };
    expect(stored.value_json).not.toContain('sesame');
    const everything = JSON.stringify([
      await call(core, 'settings.get', {}),
      await call(core, 'lock.status', {}),
      await call(core, 'audit.list', {}),
    ]);
    expect(everything).not.toContain(record.hash);
    expect(everything).not.toContain(record.salt);
    expect(everything).not.toContain('sesame');
    expect(
      envelopeError(
        await core.invoke('settings.set', { name: 'security.passcodeHash', value: 'x' }),
      ).code,
    ).toBe('setting_unknown');
    // Changing it needs the current one.
    expect(
      envelopeError(
        await core.invoke('lock.setPasscode', { current: 'guess', passcode: 'new-one-1' }),
      ).code,
    ).toBe('wrong_passcode');
    await call(core, 'lock.setPasscode', { current: 'sesame-4821', passcode: 'new-one-1' });
    await call(core, 'lock.lock', {});
    await call(core, 'lock.unlock', { passcode: 'new-one-1' });
  }, 60_000);

  it('makes the next try wait after five wrong passcodes, also after a restart, and lets the right one in after the wait', async () => {
    const clock = manualClock();
    const core = await appCore('throttle', clock);
    await call(core, 'lock.setPasscode', { passcode: 'right-one' });
    await call(core, 'lock.lock', {});
    for (let i = 1; i <= 4; i += 1)
      expect(envelopeError(await core.invoke('lock.unlock', { passcode: `no-${i}` })).code).toBe(
        'wrong_passcode',
      );
    const fifth = envelopeError(await core.invoke('lock.unlock', { passcode: 'no-5' }));
    expect(fifth.message).toMatch(/wait 30 seconds/);
    expect((await status(core)).retryAfterSec).toBe(30);
    // Even the right passcode waits: guessing cannot be sped up.
    const early = envelopeError(await core.invoke('lock.unlock', { passcode: 'right-one' }));
    expect(early).toMatchObject({ code: 'unlock_wait', category: 'transient' });
    // Nor by quitting: a restarted Cairn still makes the next try wait.
    await core.shutdown();
    const restarted = await appCore('throttle', clock);
    const afterRestart = envelopeError(
      await restarted.invoke('lock.unlock', { passcode: 'right-one' }),
    );
    expect(afterRestart).toMatchObject({ code: 'unlock_wait' });
    clock.advanceMinutes(0.5);
    // The sixth wrong try doubles the wait; it never becomes permanent.
    expect(
      envelopeError(await restarted.invoke('lock.unlock', { passcode: 'no-6' })).message,
    ).toMatch(/wait 60 seconds/);
    clock.advanceMinutes(1);
    expect((await call(restarted, 'lock.unlock', { passcode: 'right-one' })).locked).toBe(false);
    expect((await status(restarted)).retryAfterSec).toBe(0);
  }, 60_000);

  it('locks after the inactivity setting and logs off after the longer one, once', async () => {
    const clock = manualClock();
    const core = await appCore('idle', clock);
    const events: EventMessage[] = [];
    core.events.subscribe((message) => events.push(message));
    await call(core, 'lock.setPasscode', { passcode: 'idle-code' });
    await call(core, 'settings.set', { name: 'lockAfterMinutes', value: 5 });
    await call(core, 'settings.set', { name: 'logoffAfterMinutes', value: 20 });

    clock.advanceMinutes(4);
    // Reads a page makes by itself are not activity; a touch is.
    await call(core, 'sessions.list', {});
    await call(core, 'lock.touch', {});
    clock.advanceMinutes(4);
    // Settings reloads its notes models at every download event: not activity either.
    await call(core, 'notesModels.list', {});
    expect((await status(core)).locked).toBe(false);
    clock.advanceMinutes(1);
    expect(envelopeError(await core.invoke('sessions.list', {})).code).toBe('locked');
    expect(events.filter((e) => e.name === 'lock.changed').map((e) => e.payload)).toEqual([
      { locked: true, reason: 'inactivity' },
    ]);

    clock.advanceMinutes(15);
    const atLogoff: LockStatus = await status(core);
    expect(atLogoff.locked).toBe(true);
    clock.advanceMinutes(30);
    await status(core);
    expect(events.filter((e) => e.name === 'lock.changed').map((e) => e.payload)).toEqual([
      { locked: true, reason: 'inactivity' },
      { locked: true, reason: 'logoff' },
    ]);
    expect(auditActions(core)).toEqual([
      'access.passcode_set',
      'access.locked',
      'access.logged_off',
    ]);
  }, 60_000);

  it('starts locked when a passcode is set; the CLI is not subject to the lock', async () => {
    const dataDir = path.join(temp.dir, 'restart');
    const first = await appCore('restart');
    await call(first, 'lock.setPasscode', { passcode: 'at-start' });
    await first.shutdown();
    const app = await appCore('restart');
    expect((await status(app)).locked).toBe(true);
    expect(envelopeError(await app.invoke('sessions.list', {})).code).toBe('locked');
    await app.shutdown();
    const cli = await startCore({ dataDir, actor: 'cli:dr-lee', transport: 'in-process' });
    cores.push(cli);
    expect(await status(cli)).toMatchObject({ enforced: false, locked: false, passcodeSet: true });
    expect((await cli.invoke('sessions.list', {})).ok).toBe(true);
    expect(envelopeError(await cli.invoke('lock.lock', {})).code).toBe('lock_not_enforced');
    await cli.shutdown();

    // A forgotten passcode: the OS user removes it from a terminal, and the app opens unlocked.
    const cleared = await runCairn(['passcode', 'clear'], { dataDir });
    expect(cleared.code).toBe(0);
    const after = await appCore('restart');
    expect(await status(after)).toMatchObject({ locked: false, passcodeSet: false });
    expect(auditActions(after)).toContain('access.passcode_cleared');
  }, 60_000);

  it('keeps processing a session while locked, and serves it only after unlocking', async () => {
    Object.assign(process.env, pipelineEnv());
    const core = await appCore('pipeline');
    await call(core, 'lock.setPasscode', { passcode: 'keep-going' });
    const { sessionId } = await call(core, 'recordings.import', {
      path: twoVoiceRecording(15, 6),
    });
    const { runId } = await call(core, 'pipeline.process', {
      sessionId,
      options: { skipNotes: true },
    });
    await call(core, 'lock.lock', {});
    expect(envelopeError(await core.invoke('runs.get', { id: runId })).code).toBe('locked');
    const run = await core.pipeline.settled(runId);
    expect(run.status).toBe('completed');
    expect(envelopeError(await core.invoke('sessions.transcript', { id: sessionId })).code).toBe(
      'locked',
    );
    await call(core, 'lock.unlock', { passcode: 'keep-going' });
    expect((await call(core, 'sessions.transcript', { id: sessionId })).length).toBeGreaterThan(0);
  }, 180_000);
});
