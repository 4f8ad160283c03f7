import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import type { ScriptedClient } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';

const CLIENT: ScriptedClient = {
  name: 'Tomasz Lindqvist',
  upcoming: '2026-12-14',
  canaries: [],
  sessions: [
    {
      date: '2026-12-07',
      sections: {
        // Not a variable of the template: the model never sees it, so it cannot write it.
        Subjective: ['Client reported arguing with his brother Bartholomew about the farm.'],
        Plan: ['Homework: walk for twenty minutes after lunch each day.'],
      },
    },
  ],
};

/**
 * The follow-up with a notes model: SmolLM2 (135M, the model present here) writes the body from
 * the template's values alone. Checked for structure: a body it wrote greets the client and keeps
 * the homework, and is labelled as the model's; or the template's text stands with the reason.
 * Either way the check ran on what was kept, and nothing of the note beyond the values is there.
 */
describe('a follow-up written by a notes model', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let core: Core;

  beforeAll(async () => {
    mkdirSync(path.join(dataDir, 'models/llm'), { recursive: true });
    symlinkSync(testLlmModel(), path.join(dataDir, 'models/llm', path.basename(testLlmModel())));
    core = await startCore({ dataDir, actor: 'Dr Ada Byron', transport: 'in-process' });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('keeps the model’s body only when it carries the message, labelled, or says why not', async () => {
    const sessionId = seedClientHistory(core.database.db, CLIENT).sessions.get('2026-12-07') ?? '';
    const queued = await call(core, 'followups.draft', {
      sessionId,
      useModel: true,
      waiting: true,
    });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    const [followUp] = await call(core, 'followups.list', { sessionId });
    if (!followUp) throw new Error('no follow-up stored');
    const model = path.basename(testLlmModel());
    if (followUp.mode === 'model') {
      expect(followUp.modeNote).toBe(
        `Written by the notes model ${model} from the template’s values only.`,
      );
      expect(followUp.body).toContain('Tomasz');
      expect(followUp.body.toLowerCase()).toContain('walk for twenty');
    } else {
      expect(followUp.modeNote).toMatch(
        new RegExp(
          `^Filled from the template: the notes model \\(${model.replace(/\./g, '\\.')}\\) wrote nothing usable`,
        ),
      );
      expect(followUp.body).toContain('Dear Tomasz,');
    }
    expect(followUp.body).not.toContain('Bartholomew');
    expect(followUp.subject).toBe('After our session on Monday 7 December 2026');
  });
});
