import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import type { Brief } from '../../shared/api/brief-schemas';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { closedLoopbackPort } from '../helpers/closed-port';
import { makeTempDir } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';

/**
 * The brief with a notes model: SmolLM2 (135M, the model present here) writes "where things
 * stand" over the rules' brief. A model this small writes little of worth, so what is checked is
 * the structure: whatever it wrote cites real signed statements, the rules' brief is all there
 * beside it, and a model that cannot be reached leaves the rules' brief with the reason.
 */
describe('a pre-session brief with a notes model', () => {
  const temp = makeTempDir();
  let core: Core;
  let clientId: string;
  let sessions: Map<string, string>;

  async function prepare(date: string): Promise<Brief> {
    const queued = await call(core, 'briefs.prepare', { clientId, date, waiting: true });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status).toBe('completed');
    const brief = await call(core, 'briefs.get', { sessionId: queued.sessionId });
    if (!brief) throw new Error('no brief');
    return brief;
  }

  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'data');
    // The library's own models folder, holding the test model as an installed notes model.
    mkdirSync(path.join(dataDir, 'models/llm'), { recursive: true });
    symlinkSync(testLlmModel(), path.join(dataDir, 'models/llm', path.basename(testLlmModel())));
    core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    const seeded = seedClientHistory(core.database.db, WORRIED_SLEEPER);
    clientId = seeded.clientId;
    sessions = seeded.sessions;
  });

  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('adds the model’s points over the rules, each citing a signed statement, or says why not', async () => {
    const brief = await prepare(WORRIED_SLEEPER.upcoming);
    const { analysis } = brief;
    // The rules' brief is whole whatever the model did.
    expect(analysis.themes.map((t) => t.id)).toContain('sleep');
    expect(analysis.homework).toHaveLength(3);
    if (analysis.mode === 'model') {
      expect(analysis.model).toBe(path.basename(testLlmModel()));
      expect(analysis.summary.length).toBeGreaterThan(0);
      const signed = new Set(
        WORRIED_SLEEPER.sessions.flatMap((s) => Object.values(s.sections).flat()),
      );
      for (const point of analysis.summary) {
        expect(point.text.length).toBeGreaterThan(0);
        expect(point.citations.length).toBeGreaterThan(0);
        for (const citation of point.citations) {
          expect(sessions.get(citation.date)).toBe(citation.sessionId);
          expect(signed.has(citation.text)).toBe(true);
        }
      }
    } else {
      expect(analysis.summary).toEqual([]);
      expect(analysis.modelNote).toMatch(/SmolLM2.*wrote nothing usable/);
    }
    // Whatever the model wrote stays out of the client's guide, which reads the abstract only.
    const guide = JSON.stringify(brief.guide);
    for (const point of analysis.summary) expect(guide).not.toContain(point.text);
  });

  it('keeps the rules’ brief, labelled with the reason, when the chosen model cannot be reached', async () => {
    const port = await closedLoopbackPort();
    await call(core, 'settings.set', { name: 'ollamaHost', value: `http://127.0.0.1:${port}` });
    await call(core, 'settings.set', { name: 'notesProvider', value: 'ollama' });
    const brief = await prepare('2026-11-02');
    expect(brief.analysis).toMatchObject({ mode: 'rules', summary: [], model: null });
    expect(brief.analysis.modelNote).toMatch(/could not be used/);
    expect(brief.analysis.sessionsRead).toHaveLength(3);
  });
});
