/**
 * `npm run bench -- workflows`: the between-session run types (a brief, a plan update, a couples
 * summary) on the real core and run machinery, over client histories of growing length (a client
 * seen weekly for a month, a year, four years; for couples, each partner).
 * Each run is timed from the request to its completion, with its stages' own times from the run's
 * stage rows. Side by side in the same run: the bare work each type cannot avoid (reading the
 * client's signed notes from the encrypted database), so the ratio is what the run machinery,
 * the rules and the durable per-stage commits cost on top of it.
 */
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { upcomingSessionFor } from '../../electron/core/store/repositories/briefs';
import { atomically } from '../../electron/core/store/repositories/types';
import { pipelineStages } from '../../electron/core/store/schema';
import { loadClientHistory } from '../../electron/core/workflows/brief/history';
import {
  TENSE_PARTNER,
  WORRIED_SLEEPER,
  type ScriptedClient,
  type ScriptedSession,
} from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { median } from './measure';

const HISTORY_LENGTHS = [4, 52, 200];
const REPEATS = 5;

/** A scripted client's sessions repeated week after week, `count` signed sessions in all. */
function clientWithHistory(base: ScriptedClient, count: number, name: string): ScriptedClient {
  const start = Date.parse('2022-01-03T12:00:00Z');
  const day = (weeks: number) =>
    new Date(start + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const sessions: ScriptedSession[] = Array.from({ length: count }, (_, index) => ({
    ...(base.sessions[index % base.sessions.length] as ScriptedSession),
    date: day(index),
  }));
  return { ...base, name, sessions, upcoming: day(count) };
}

interface WorkflowTiming {
  type: string;
  sessions: number;
  runMs: number;
  stageMs: Record<string, number>;
  bareReadMs: number;
}

/**
 * A run type timed `REPEATS` times from the request to its end, with its stages' own times, and
 * beside it the bare read of the signed notes it needs.
 */
async function timeRuns(
  core: Core,
  type: string,
  sessions: number,
  start: () => Promise<{ runId: string }>,
  bareRead: () => void,
): Promise<WorkflowTiming> {
  const runs: number[] = [];
  const stages = new Map<string, number[]>();
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    const { runId } = await start();
    const run = await core.pipeline.settled(runId);
    runs.push(performance.now() - started);
    if (run.status !== 'completed')
      throw new Error(`${type} run ${run.status}: ${run.errorMessage}`);
    const rows = core.database.db
      .select()
      .from(pipelineStages)
      .where(eq(pipelineStages.runId, runId))
      .orderBy(asc(pipelineStages.startedAt))
      .all();
    for (const row of rows)
      stages.set(row.stage, [...(stages.get(row.stage) ?? []), row.durationMs ?? 0]);
  }
  const reads: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    bareRead();
    reads.push(performance.now() - started);
  }
  return {
    type,
    sessions,
    runMs: median(runs),
    stageMs: Object.fromEntries([...stages].map(([stage, list]) => [stage, median(list)])),
    bareReadMs: median(reads),
  };
}

/** The three workflows over one history length: a brief, a plan update, a couples summary. */
async function timeWorkflows(core: Core, count: number): Promise<WorkflowTiming[]> {
  const db = core.database.db;
  const client = clientWithHistory(WORRIED_SLEEPER, count, `Bench client ${count}`);
  const partner = clientWithHistory(TENSE_PARTNER, count, `Bench partner ${count}`);
  const seeded = seedClientHistory(db, client);
  const seededPartner = seedClientHistory(db, partner);
  const last = [...seeded.sessions.values()].at(-1) ?? '';
  let upcoming = '';
  const brief = await timeRuns(
    core,
    'pre_session',
    count,
    async () => {
      const queued = await call(core, 'briefs.prepare', {
        clientId: seeded.clientId,
        date: client.upcoming,
        waiting: true,
      });
      upcoming = queued.sessionId;
      return queued;
    },
    () => loadClientHistory(db, upcoming),
  );
  const plan = await timeRuns(
    core,
    'post_session',
    count,
    () => call(core, 'plans.propose', { sessionId: last, waiting: true }),
    () => loadClientHistory(db, upcoming),
  );
  await call(core, 'couples.link', {
    clientId: seeded.clientId,
    partnerId: seededPartner.clientId,
  });
  // The partner's history is read too: the bare read of a merge is both partners' notes.
  const partnerUpcoming = atomically(db, (tx) =>
    upcomingSessionFor(tx, seededPartner.clientId, partner.upcoming),
  );
  const couples = await timeRuns(
    core,
    'couples_merge',
    count * 2,
    () =>
      call(core, 'couples.merge', {
        clientId: seeded.clientId,
        date: client.upcoming,
        waiting: true,
      }),
    () => {
      loadClientHistory(db, upcoming);
      loadClientHistory(db, partnerUpcoming);
    },
  );
  return [brief, plan, couples];
}

const ms = (value: number) => Math.round(value * 10) / 10;

export async function workflowsBenchmark(): Promise<{ timings: WorkflowTiming[] }> {
  const temp = makeTempDir();
  const core = await startCore({
    dataDir: path.join(temp.dir, 'data'),
    actor: 'bench',
    transport: 'in-process',
  });
  const timings: WorkflowTiming[] = [];
  try {
    for (const count of HISTORY_LENGTHS) timings.push(...(await timeWorkflows(core, count)));
  } finally {
    await core.shutdown();
    temp.remove();
  }
  console.log(
    `median of ${REPEATS} runs each, on the real core (encrypted library, durable stages)`,
  );
  for (const type of ['pre_session', 'post_session', 'couples_merge'])
    console.table(
      timings
        .filter((t) => t.type === type)
        .map((t) => ({
          'run type': t.type,
          'signed sessions': t.sessions,
          'run ms': ms(t.runMs),
          ...Object.fromEntries(
            Object.entries(t.stageMs).map(([stage, value]) => [stage, ms(value)]),
          ),
          'bare read ms': ms(t.bareReadMs),
          'run / bare read': ms(t.runMs / Math.max(t.bareReadMs, 0.1)),
        })),
    );
  return { timings };
}
