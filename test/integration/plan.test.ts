import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { createSession } from '../../electron/core/store/repositories/sessions';
import {
  SMART_FIELDS,
  type PlanGoal,
  type PlanProposal,
  type PlanView,
} from '../../shared/api/plan-schemas';
import {
  LOW_MOOD_WALKER,
  STEADY_WORRIER,
  type PlanExpectation,
  type PlanScriptedClient,
} from '../fixtures/clients/plan-clients';
import { seedClientHistory } from '../helpers/client-history';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';

/** What a session's proposals say, in the terms the scripts expect. */
function observed(proposals: readonly PlanProposal[], plan: PlanView): PlanExpectation {
  const goals = new Map<string, PlanGoal>(plan.current?.content.goals.map((g) => [g.id, g]));
  const keyOf = (id: string) => goals.get(id)?.target?.key ?? id;
  const homework = new Map(plan.current?.content.homework.map((h) => [h.id, h.given]));
  const out: Required<PlanExpectation> = {
    newGoals: [],
    revised: [],
    status: {},
    homeworkSet: 0,
    homeworkDone: [],
    interventions: [],
  };
  for (const { change } of proposals)
    if (change.kind === 'add_goal') out.newGoals.push(change.goal.target?.key ?? '?');
    else if (change.kind === 'revise_goal') out.revised.push(keyOf(change.goalId));
    else if (change.kind === 'goal_status') out.status[keyOf(change.goalId)] = change.status;
    else if (change.kind === 'add_homework') out.homeworkSet += 1;
    else if (change.kind === 'homework_status')
      out.homeworkDone.push(homework.get(change.homeworkId) ?? '?');
    else
      out.interventions.push(
        `${change.intervention.frameworkId}/${change.intervention.techniqueId ?? ''}`,
      );
  return out;
}

/**
 * The post-session plan on the real core and run machinery, following scripted clients session by
 * session: after each signed session, Cairn's rules propose exactly the changes the script says
 * (goals with all five SMART parts, progress, revisions, homework set and done); the clinician
 * accepts them and the plan moves by one version each time.
 */
describe('a post-session treatment plan', () => {
  const temp = makeTempDir();
  let core: Core;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  async function propose(sessionId: string) {
    const queued = await call(core, 'plans.propose', { sessionId, waiting: true });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    return queued;
  }

  async function follow(client: PlanScriptedClient) {
    const seeded = seedClientHistory(core.database.db, client);
    let version = 0;
    for (const session of client.sessions) {
      const sessionId = seeded.sessions.get(session.date) ?? '';
      const before = await call(core, 'plans.get', { clientId: seeded.clientId });
      await propose(sessionId);
      const plan = await call(core, 'plans.get', { clientId: seeded.clientId });
      // Proposing changes nothing by itself.
      expect(plan.current?.version ?? 0).toBe(before.current?.version ?? 0);
      const proposals = plan.pending.filter((p) => p.sessionId === sessionId);
      const seen = observed(proposals, plan);
      expect(seen.newGoals, session.date).toEqual(session.expect.newGoals ?? []);
      expect(seen.revised, session.date).toEqual(session.expect.revised ?? []);
      expect(seen.status, session.date).toEqual(session.expect.status ?? {});
      expect(seen.homeworkSet, session.date).toBe(session.expect.homeworkSet ?? 0);
      expect(seen.homeworkDone, session.date).toEqual(session.expect.homeworkDone ?? []);
      expect(seen.interventions).toEqual(
        expect.arrayContaining(session.expect.interventions ?? []),
      );
      for (const p of proposals) {
        expect(p.mode).toBe('rules');
        expect(p.evidence.length).toBeGreaterThan(0);
        for (const citation of p.evidence) expect(citation.sessionId).toMatch(/./);
        if (p.change.kind === 'add_goal' || p.change.kind === 'revise_goal') {
          const smart = p.change.kind === 'add_goal' ? p.change.goal.smart : p.change.smart;
          for (const field of SMART_FIELDS) expect(smart[field].trim(), field).not.toBe('');
        }
      }
      if (proposals.length === 0) continue;
      const decided = await call(core, 'plans.decide', {
        clientId: seeded.clientId,
        decisions: proposals.map((p) => ({ proposalId: p.id, decision: 'accept' as const })),
      });
      version += 1;
      expect(decided).toEqual({ version, accepted: proposals.length, rejected: 0 });
    }
    return { ...seeded, plan: await call(core, 'plans.get', { clientId: seeded.clientId }) };
  }

  it('follows a goal from set to progressing to achieved, and homework given and done', async () => {
    const { plan, sessions } = await follow(STEADY_WORRIER);
    const goal = plan.current?.content.goals[0];
    expect(goal).toMatchObject({ status: 'achieved', target: { key: 'anxiety', value: 4 } });
    // The note states all five parts but "relevant" comes from its themes; nothing to confirm
    // but what the note leaves out.
    expect(goal?.smart.timeBound).toContain('review by 2026-12-28');
    expect(goal?.smart.achievable).toContain('From 7 out of 10 on 2026-11-02');
    expect(goal?.toConfirm).toEqual([]);
    const timeline = plan.timelines.find((t) => t.goalId === goal?.id)?.entries ?? [];
    expect(timeline.map((e) => [e.date, e.status])).toEqual([
      ['2026-11-02', 'not_started'],
      ['2026-11-09', 'progressing'],
      ['2026-11-23', 'achieved'],
    ]);
    expect(timeline[1]?.evidence.map((c) => c.text)).toContain(
      'Client rated her anxiety 6 out of 10 this week.',
    );
    expect(timeline[2]?.sessionId).toBe(sessions.get('2026-11-23'));
    expect(plan.current?.content.homework.map((h) => [h.given, h.status])).toEqual([
      ['2026-11-02', 'done'],
      ['2026-11-16', 'done'],
    ]);
    expect(plan.versions.map((v) => v.version)).toEqual([4, 3, 2, 1]);
  });

  it('revises a target and then reaches the revised one, and the brief reads it as of its day', async () => {
    const { plan, clientId } = await follow(LOW_MOOD_WALKER);
    const goal = plan.current?.content.goals[0];
    expect(goal).toMatchObject({
      status: 'achieved',
      target: { key: 'mood', value: 6, direction: 'up' },
    });
    expect(plan.timelines[0]?.entries.map((e) => [e.date, e.status, e.planVersion])).toEqual([
      ['2026-11-03', 'not_started', 1],
      ['2026-11-10', 'revised', 2],
      ['2026-11-17', 'achieved', 3],
    ]);
    // The brief for a session reads the plan's goals with their status as of that day.
    const briefOn = async (date: string) => {
      const queued = await call(core, 'briefs.prepare', { clientId, date, waiting: true });
      expect((await core.pipeline.settled(queued.runId)).status).toBe('completed');
      return (await call(core, 'briefs.get', { sessionId: queued.sessionId }))?.analysis;
    };
    const between = await briefOn('2026-11-12');
    expect(between?.planVersion).toBe(3);
    expect(between?.planGoals.map((g) => [g.status, g.lastMoved])).toEqual([
      ['revised', '2026-11-10'],
    ]);
    expect(between?.questions.map((q) => q.text)).toContainEqual(
      expect.stringContaining('How is the goal going'),
    );
    const after = await briefOn('2026-11-24');
    expect(after?.planGoals.map((g) => [g.status, g.lastMoved])).toEqual([
      ['achieved', '2026-11-17'],
    ]);
    // Its evidence: the reading that reached the target (and the one before it).
    expect(after?.planGoals[0]?.citations.map((c) => c.date)).toContain('2026-11-17');
    // An achieved goal is not asked about again.
    expect(after?.questions.map((q) => q.text).join(' ')).not.toContain('How is the goal going');
  });

  it('takes edits and rejections, and refuses to decide a proposal twice', async () => {
    const seeded = seedClientHistory(core.database.db, {
      ...STEADY_WORRIER,
      name: 'Edit Case',
      sessions: STEADY_WORRIER.sessions.slice(0, 1),
    });
    const sessionId = seeded.sessions.get('2026-11-02') ?? '';
    await propose(sessionId);
    const { pending } = await call(core, 'plans.get', { clientId: seeded.clientId });
    const goal = pending.find((p) => p.change.kind === 'add_goal');
    const homework = pending.find((p) => p.change.kind === 'add_homework');
    if (goal?.change.kind !== 'add_goal' || !homework) throw new Error('no proposals');
    const edited = {
      ...goal.change,
      goal: { ...goal.change.goal, smart: { ...goal.change.goal.smart, achievable: 'Agreed.' } },
    };
    const result = await call(core, 'plans.decide', {
      clientId: seeded.clientId,
      decisions: [
        { proposalId: goal.id, decision: 'accept', change: edited },
        { proposalId: homework.id, decision: 'reject' },
      ],
    });
    expect(result).toEqual({ version: 1, accepted: 1, rejected: 1 });
    const plan = await call(core, 'plans.get', { clientId: seeded.clientId });
    expect(plan.current?.content.goals[0]?.smart.achievable).toBe('Agreed.');
    expect(plan.current?.content.homework).toEqual([]);
    expect(plan.pending.map((p) => p.id)).not.toContain(goal.id);

    const again = await rejection(
      call(core, 'plans.decide', {
        clientId: seeded.clientId,
        decisions: [{ proposalId: homework.id, decision: 'accept' }],
      }),
    );
    expect(again.code).toBe('plan_proposal_decided');
    const mismatch = plan.pending[0];
    if (mismatch) {
      const wrong = await rejection(
        call(core, 'plans.decide', {
          clientId: seeded.clientId,
          decisions: [{ proposalId: mismatch.id, decision: 'accept', change: edited }],
        }),
      );
      expect(wrong.code).toBe('plan_edit_mismatch');
    }
    const audit = listAudit(core.database.db).filter((e) => e.action.startsWith('plan.'));
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['plan.proposed', 'plan.decided', 'plan.viewed']),
    );
    expect(JSON.stringify(audit)).not.toMatch(/anxiety|Ingrid|Edit Case/);
  });

  it('refuses a session without a signed note, with the reason', async () => {
    const seeded = seedClientHistory(core.database.db, {
      ...STEADY_WORRIER,
      name: 'Unsigned',
      sessions: [],
    });
    const sessionId = createSession(core.database.db, {
      clientId: seeded.clientId,
      date: '2026-12-01',
      kind: 'individual',
    });
    const error = await rejection(call(core, 'plans.propose', { sessionId }));
    expect(error.code).toBe('note_not_signed');
    expect(error.message).toContain('sign the note first');
  });
});
