import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { PlanProposal, PlanView } from '../../shared/api/plan-schemas';
import { STEADY_WORRIER } from '../fixtures/clients/plan-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

/**
 * `cairn plan` as a user runs it: proposals printed with their stage progress, or JSON; the plan
 * shown with SMART parts and timelines; accept and reject; bad input refused (exit 2).
 */
describe('cairn plan', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let sessions: Map<string, string>;
  let unsigned = '';

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    const seeded = seedClientHistory(core.database.db, STEADY_WORRIER);
    sessions = seeded.sessions;
    unsigned = createSession(core.database.db, {
      clientId: seeded.clientId,
      date: '2026-12-07',
      kind: 'individual',
    });
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  const first = () => sessions.get('2026-11-02') ?? '';

  it('prints the proposals with SMART parts and each stage as it runs', async () => {
    const result = await runCairn(['plan', first()], { dataDir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      "proposed by Cairn's rules (no model) from the session of 2026-11-02",
    );
    expect(result.stdout).toContain(
      'New goal: Bring anxiety down to 4 out of 10 within eight weeks.',
    );
    for (const part of ['Specific:', 'Measurable:', 'Achievable:', 'Relevant:', 'Time-bound:'])
      expect(result.stdout).toContain(part);
    // Not a terminal: a line per stage on stderr, in order (the first starts before `follow` listens).
    // (each line: the stage, its words, and the time left once there is an estimate).
    expect(result.stderr).toMatch(
      /% load_plan \(reading the plan\)[^\n]*\n[\s\S]*% propose \(proposing plan changes\)[^\n]*\n[\s\S]*% persist \(saving\)/,
    );
  });

  it('prints JSON, accepts and rejects, and shows the plan with its timeline', async () => {
    const proposed = await runCairn(['plan', first(), '--json'], { dataDir });
    expect(proposed.code, proposed.stderr).toBe(0);
    const json = JSON.parse(proposed.stdout) as { proposals: unknown[]; clientId: string };
    const proposals = PlanProposal.array().parse(json.proposals);
    const goal = proposals.find((p) => p.kind === 'add_goal');
    const homework = proposals.find((p) => p.kind === 'add_homework');
    if (!goal || !homework) throw new Error('missing proposals');

    const accepted = await runCairn(['plan', 'accept', STEADY_WORRIER.name, goal.id, '--json'], {
      dataDir,
    });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toEqual({ version: 1, accepted: 1, rejected: 0 });
    const rejected = await runCairn(['plan', 'reject', STEADY_WORRIER.name, homework.id], {
      dataDir,
    });
    expect(rejected.stdout).toContain('Rejected 1; the plan stays as it is.');
    const twice = await runCairn(['plan', 'reject', STEADY_WORRIER.name, homework.id], {
      dataDir,
    });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('cannot be decided again');

    const shown = await runCairn(['plan', 'show', STEADY_WORRIER.name], { dataDir });
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Treatment plan, version 1');
    expect(shown.stdout).toMatch(/Time-bound: Within eight weeks of 2026-11-02/);
    expect(shown.stdout).toMatch(/Timeline:\n\s+2026-11-02 {2}not started/);
    const view = PlanView.parse(
      JSON.parse(
        (await runCairn(['plan', 'show', STEADY_WORRIER.name, '--json'], { dataDir })).stdout,
      ),
    );
    expect(view.current?.content.goals).toHaveLength(1);
    expect(view.timelines[0]?.entries.map((e) => e.status)).toEqual(['not_started']);
  });

  it('refuses an unsigned session, a malformed id and an unknown client with exit 2', async () => {
    const notSigned = await runCairn(['plan', unsigned], { dataDir });
    expect(notSigned.code).toBe(2);
    expect(notSigned.stderr).toContain('sign the note first');
    const malformed = await runCairn(['plan', 'yesterday'], { dataDir });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('cairn sessions');
    const unknown = await runCairn(['plan', 'show', 'Nobody Here'], { dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cairn clients');
  });
});
