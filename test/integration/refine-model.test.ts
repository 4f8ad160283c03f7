import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { makeTempDir } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';
import { RISK_STATEMENT, seedRefinableNote } from '../helpers/refine';

/**
 * Refinement with the real embedded runtime and SmolLM2 (135M): the model's words stream out as
 * refine.tokens while it drafts; its proposal is labelled with the model, every statement either
 * checks out against the transcript or is marked unverified, and the risk statement is kept.
 * A second request is cancelled mid-draft and ends as a failed refinement saying so.
 */
describe('refining a note with a notes model', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let core: Core;

  beforeAll(async () => {
    mkdirSync(path.join(dataDir, 'models/llm'), { recursive: true });
    symlinkSync(testLlmModel(), path.join(dataDir, 'models/llm', path.basename(testLlmModel())));
    core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    // A short session needs little context; a small one asks for two statements, not four.
    await call(core, 'settings.set', { name: 'notesContextSize', value: 2048 });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('streams the model’s words, proposes a checked revision, and can be cancelled', async () => {
    const { noteId } = seedRefinableNote(core.database.db, 'Model');
    const words = new Map<string, string>();
    const unsubscribe = core.events.subscribe((message) => {
      if (message.name !== 'refine.tokens') return;
      const { refinementId, text } = message.payload as { refinementId: string; text: string };
      words.set(refinementId, (words.get(refinementId) ?? '') + text);
    });
    const asked = await call(core, 'refine.request', {
      noteId,
      request: 'make the plan section shorter',
      section: 'plan',
    });
    const run = await core.pipeline.settled(asked.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    const done = await call(core, 'refine.get', { id: asked.refinementId });
    // JSON as the grammar forces it, word by word.
    expect(words.get(asked.refinementId)).toMatch(/^\{\s*"plan"/);
    if (done.mode === 'model') {
      expect(done.model).toBe(path.basename(testLlmModel()));
      expect(done.provider).toBe('embedded');
    } else {
      // The model's answer could not be used: the rules did it, and say why.
      expect(done.mode).toBe('rules');
      expect(done.message).toMatch(/notes model/);
    }
    expect(done.status).toBe('proposed');
    const plan = done.proposed?.sections.find((s) => s.key === 'plan')?.items ?? [];
    expect(plan.map((i) => i.text)).toContain(RISK_STATEMENT);
    for (const item of plan) if (!item.supported) expect(item.problems[0]).toMatch(/^unverified: /);
    await call(core, 'refine.reject', { id: done.id });

    // Cancelled as soon as the model starts writing.
    const second = await call(core, 'refine.request', { noteId, request: 'make the plan plainer' });
    await new Promise<void>((resolve) => {
      const stop = core.events.subscribe((message) => {
        if (message.name !== 'refine.tokens') return;
        stop();
        resolve();
      });
    });
    await call(core, 'runs.cancel', { id: second.runId });
    const ended = await core.pipeline.settled(second.runId);
    expect(ended.status).toBe('cancelled');
    const cancelled = await call(core, 'refine.get', { id: second.refinementId });
    expect(cancelled).toMatchObject({ status: 'failed', proposed: null });
    expect(cancelled.message).toMatch(/Cancelled/);
    unsubscribe();
  }, 420_000);
});
