/**
 * `npm run bench -- workflows`: the between-session run types on the real core and run machinery,
 * over client histories of growing length (a client seen weekly for a month, a year, four years).
 * Each run is timed from the request to its completion, with its stages' own times from the run's
 * stage rows. Side by side in the same run: the bare work each type cannot avoid (reading the
 * client's signed notes from the encrypted database), so the ratio is what the run machinery,
 * the rules and the durable per-stage commits cost on top of it.
 */
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { pipelineStages } from '../../electron/core/store/schema';
import { loadClientHistory } from '../../electron/core/workflows/brief/history';
import {
  WORRIED_SLEEPER,
  type ScriptedClient,
  type ScriptedSession,
} from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { median } from './measure';

const HISTORY_LENGTHS = [4, 52, 200];
const REPEATS = 5;

/** The scripted client's sessions repeated week after week, `count` signed sessions in all. */
function clientWithHistory(count: number): ScriptedClient {
  const start = Date.parse('2022-01-03T12:00:00Z');
  const day = (weeks: number) =>
    new Date(start + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const sessions: ScriptedSession[] = Array.from({ length: count }, (_, index) => ({
    ...(WORRIED_SLEEPER.sessions[index % WORRIED_SLEEPER.sessions.length] as ScriptedSession),
    date: day(index),
  }));
  return { ...WORRIED_SLEEPER, name: `Bench client ${count}`, sessions, upcoming: day(count) };
}

interface WorkflowTiming {
  type: string;
  sessions: number;
  runMs: number;
  stageMs: Record<string, number>;
  bareReadMs: number;
}

async function timeBrief(core: Core, client: ScriptedClient): Promise<WorkflowTiming> {
  const seeded = seedClientHistory(core.database.db, client);
  const runs: number[] = [];
  const stages = new Map<string, number[]>();
  let upcomingId = '';
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    const queued = await call(core, 'briefs.prepare', {
      clientId: seeded.clientId,
      date: client.upcoming,
      waiting: true,
    });
    const run = await core.pipeline.settled(queued.runId);
    runs.push(performance.now() - started);
    if (run.status !== 'completed') throw new Error(`brief run ${run.status}`);
    upcomingId = queued.sessionId;
    const rows = core.database.db
      .select()
      .from(pipelineStages)
      .where(eq(pipelineStages.runId, queued.runId))
      .orderBy(asc(pipelineStages.startedAt))
      .all();
    for (const row of rows)
      stages.set(row.stage, [...(stages.get(row.stage) ?? []), row.durationMs ?? 0]);
  }
  const reads: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    const started = performance.now();
    loadClientHistory(core.database.db, upcomingId);
    reads.push(performance.now() - started);
  }
  return {
    type: 'pre_session',
    sessions: client.sessions.length,
    runMs: median(runs),
    stageMs: Object.fromEntries([...stages].map(([stage, list]) => [stage, median(list)])),
    bareReadMs: median(reads),
  };
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
    for (const count of HISTORY_LENGTHS)
      timings.push(await timeBrief(core, clientWithHistory(count)));
  } finally {
    await core.shutdown();
    temp.remove();
  }
  console.log(
    `median of ${REPEATS} runs each, on the real core (encrypted library, durable stages)`,
  );
  console.table(
    timings.map((t) => ({
      'run type': t.type,
      'signed sessions': t.sessions,
      'run ms': ms(t.runMs),
      ...Object.fromEntries(Object.entries(t.stageMs).map(([stage, value]) => [stage, ms(value)])),
      'bare read ms': ms(t.bareReadMs),
      'run / bare read': ms(t.runMs / Math.max(t.bareReadMs, 0.1)),
    })),
  );
  return { timings };
}
