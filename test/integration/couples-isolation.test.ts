import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import type { CouplesView } from '../../shared/api/couples-schemas';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { runCairn, type CliResult } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { readLibrary } from '../helpers/pipeline';

const JOINT_DAY = '2026-10-28';

/** Canaries of a partner that no other record may hold (a year is in every record's dates). */
const foreign = (canaries: readonly string[]) => canaries.filter((c) => !/^\d+$/.test(c));
const ALL = [...WORRIED_SLEEPER.canaries, ...TENSE_PARTNER.canaries];

function expectNone(text: string, canaries: readonly string[], where: string): void {
  for (const canary of canaries)
    expect(text.toLowerCase().includes(canary.toLowerCase()), `"${canary}" in ${where}`).toBe(
      false,
    );
}

/**
 * Isolation is the feature: each partner's individual sessions are full of canaries (names,
 * places, a workplace, quotes), and none of them may appear in what the couple's merge made, the
 * joint view, the other partner's brief and guide, the audit log, or the CLI's output.
 */
describe('couples merge isolation (canaries)', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const ids = { a: '', b: '' };
  let merged: CliResult;
  let core: Core;
  let view: CouplesView;

  beforeAll(async () => {
    const seeding = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    ids.a = seedClientHistory(seeding.database.db, WORRIED_SLEEPER).clientId;
    ids.b = seedClientHistory(seeding.database.db, TENSE_PARTNER).clientId;
    await seeding.shutdown();
    const linked = await runCairn(
      ['couples', 'link', WORRIED_SLEEPER.name, TENSE_PARTNER.name, '--json'],
      { dataDir },
    );
    expect(linked.code, linked.stderr).toBe(0);
    merged = await runCairn(['couples', 'merge', TENSE_PARTNER.name, '--session-date', JOINT_DAY], {
      dataDir,
    });
    expect(merged.code, merged.stderr).toBe(0);
    core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    view = await call(core, 'couples.get', { clientId: ids.b });
  }, 120_000);

  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('makes a joint summary of shared topics and couples frameworks, labelled as rules', () => {
    const latest = view.latest;
    if (!latest) throw new Error('no joint summary');
    expect(latest.summary.modeLabel).toBe("Cairn's rules, no model");
    const topics = latest.summary.sharedTopics.map((t) => t.id);
    // Both raised sleep and the relationship; only he raised anger, only she homework on sleep.
    expect(topics).toEqual(expect.arrayContaining(['sleep', 'relationship']));
    expect(topics).not.toContain('anger');
    expect(topics).not.toContain('suicidal_ideation');
    expect(latest.summary.sharedMethods.map((m) => m.id)).toEqual(['cognitive_restructuring']);
    expect(latest.summary.frameworks.map((f) => f.id)).toEqual(['gottman', 'eft']);
    expect(latest.summary.frameworks[0]?.techniques.length).toBeGreaterThan(0);
    expect(latest.summary.frameworks[0]?.homework.length).toBeGreaterThan(0);
    expect(latest.isolation).toMatchObject({
      passed: true,
      notAllowed: 0,
      identifiers: 0,
      partnerPhrases: 0,
    });
    expect(latest.clientIds).toEqual([ids.a, ids.b]);
    expect(merged.stdout).toContain('Isolation check passed');
  });

  it('holds no canary of either partner in the summary, the stage rows or the joint view', () => {
    const db = readLibrary(dataDir);
    try {
      const rows = db.raw
        .prepare(
          `select s.output_json, s.error_message from pipeline_stages s
           join pipeline_runs r on r.id = s.run_id where r.type = 'couples_merge'`,
        )
        .all();
      expect(rows).toHaveLength(5);
      expectNone(JSON.stringify(rows), ALL, 'stage rows');
      const stored = db.raw.prepare('select * from couples_summaries').all();
      expect(stored).toHaveLength(1);
      expectNone(JSON.stringify(stored), ALL, 'couples_summaries');
    } finally {
      db.close();
    }
    // The view names the two partners (that is what a link is), and nothing else of theirs.
    const names = [WORRIED_SLEEPER.name, TENSE_PARTNER.name].flatMap((n) => n.split(' '));
    expectNone(
      JSON.stringify(view),
      foreign(ALL).filter((c) => !names.includes(c)),
      'the joint view',
    );
    expect(view.link?.clientA.name).toBe(WORRIED_SLEEPER.name);
    expect(view.jointSessions.map((s) => [s.date, s.kind])).toEqual([[JOINT_DAY, 'couple']]);
  });

  it("leaves each partner's brief and guide free of the other's canaries", async () => {
    for (const [client, other, clientId] of [
      [WORRIED_SLEEPER, TENSE_PARTNER, ids.a],
      [TENSE_PARTNER, WORRIED_SLEEPER, ids.b],
    ] as const) {
      const queued = await call(core, 'briefs.prepare', {
        clientId,
        date: client.upcoming,
        waiting: true,
      });
      expect((await core.pipeline.settled(queued.runId)).status).toBe('completed');
      const brief = await call(core, 'briefs.get', { sessionId: queued.sessionId });
      expect(brief?.analysis.sessionsRead.length).toBe(client.sessions.length);
      expectNone(JSON.stringify(brief), foreign(other.canaries), `${client.name}'s brief`);
    }
  });

  it('audits link and merge with both client ids and the isolation result, and no text', () => {
    const audit = listAudit(core.database.db);
    const mergedEntry = audit.find((e) => e.action === 'couples.merged');
    expect(JSON.parse(mergedEntry?.detailJson ?? '{}')).toMatchObject({
      clientA: ids.a,
      clientB: ids.b,
      isolationPassed: true,
      isolationFound: 0,
    });
    expect(audit.some((e) => e.action === 'couples.linked')).toBe(true);
    expectNone(JSON.stringify(audit), ALL, 'the audit log');
  });

  it('prints no canary to stdout or stderr (the logs of a CLI run)', () => {
    expectNone(merged.stdout + merged.stderr, ALL, 'the CLI output');
  });
});
