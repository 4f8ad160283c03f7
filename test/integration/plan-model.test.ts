import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { SMART_FIELDS } from '../../shared/api/plan-schemas';
import type { ScriptedClient } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';
import { readLibrary } from '../helpers/pipeline';

/** A first session whose note names no goal in the rules' words ("Goal: …"). */
const FIRST_SESSION: ScriptedClient = {
  name: 'Wren Achterberg',
  upcoming: '2026-11-11',
  canaries: [],
  sessions: [
    {
      date: '2026-11-04',
      sections: {
        Subjective: [
          'Client wants to sleep through the night without waking at 3am.',
          'Client reported drinking less coffee after noon this week.',
        ],
        Plan: ['Homework: keep the sleep diary every morning this week.'],
      },
    },
  ],
};

/**
 * The plan update with a notes model: SmolLM2 (135M, the model present here) may read a goal in
 * a note that states none. Checked for structure: a goal it proposes is labelled as the model's,
 * rests on this session's statements and has its five SMART parts made by the rules; or the run
 * says why it proposed none. The rules' proposals are there either way.
 */
describe('a post-session plan update with a notes model', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let core: Core;

  beforeAll(async () => {
    mkdirSync(path.join(dataDir, 'models/llm'), { recursive: true });
    symlinkSync(testLlmModel(), path.join(dataDir, 'models/llm', path.basename(testLlmModel())));
    core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('proposes goals the model read, labelled and cited, over the rules’ proposals, or says why not', async () => {
    const seeded = seedClientHistory(core.database.db, FIRST_SESSION);
    const sessionId = seeded.sessions.get('2026-11-04') ?? '';
    const queued = await call(core, 'plans.propose', { sessionId, waiting: true });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    const view = await call(core, 'plans.get', { clientId: seeded.clientId });
    const statements = new Set(Object.values(FIRST_SESSION.sessions[0]?.sections ?? {}).flat());
    const library = readLibrary(dataDir);
    const stage = library.raw
      .prepare("select output_json from pipeline_stages where run_id = ? and stage = 'propose'")
      .get(queued.runId) as { output_json: string };
    library.close();
    const output = JSON.parse(stage.output_json) as { model: string | null; modelNote: string };
    const byModel = view.pending.filter((p) => p.mode === 'model');
    if (output.model) {
      expect(output.model).toBe(path.basename(testLlmModel()));
      expect(byModel.length).toBeGreaterThan(0);
      for (const proposal of byModel) {
        expect(proposal.change.kind).toBe('add_goal');
        if (proposal.change.kind !== 'add_goal') continue;
        expect(proposal.summary).toContain('written by the notes model');
        for (const field of SMART_FIELDS)
          expect(proposal.change.goal.smart[field].trim()).not.toBe('');
        for (const citation of proposal.evidence) {
          expect(citation.sessionId).toBe(sessionId);
          expect(statements.has(citation.text)).toBe(true);
        }
      }
    } else {
      expect(byModel).toEqual([]);
      expect(output.modelNote).toMatch(/SmolLM2.*proposed no goal/);
    }
    // The rules' proposals stand beside whatever the model did: the diary set as homework.
    expect(view.pending.some((p) => p.mode === 'rules' && p.change.kind === 'add_homework')).toBe(
      true,
    );
    // Nothing changed the plan.
    expect(view.current).toBeNull();
  });
});
