import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import type { ParticipantSummary } from '../../shared/api/group-schemas';
import { makeTempDir } from '../helpers/fixtures';
import { GROUP_MEMBERS, seedGroupSession, type SeededGroup } from '../helpers/group-session';
import { testLlmModel } from '../helpers/notes';

/**
 * Participants' summaries written by the real notes model (SmolLM2 135M, in-process): one run,
 * shared by the tests. A model this small writes poorly, so what is checked is what must hold
 * whatever it writes: each statement cites only its participant's own turns, and no member's
 * canary reaches another member's summary.
 */
describe('group summaries with a notes model', () => {
  const temp = makeTempDir();
  let core: Core;
  let group: SeededGroup;
  let summaries: ParticipantSummary[];

  beforeAll(async () => {
    const dataDir = path.join(temp.dir, 'data');
    mkdirSync(path.join(dataDir, 'models/llm'), { recursive: true });
    symlinkSync(testLlmModel(), path.join(dataDir, 'models/llm', path.basename(testLlmModel())));
    core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    group = seedGroupSession(core.database.db, { kind: 'family' });
    await call(core, 'group.participants.set', {
      sessionId: group.sessionId,
      participants: group.members.map((m) => ({ speakerId: m.speakerId, clientId: m.clientId })),
    });
    const queued = await call(core, 'group.summarize', { sessionId: group.sessionId });
    expect((await core.pipeline.settled(queued.runId)).status).toBe('completed');
    summaries = await call(core, 'group.summaries', { sessionId: group.sessionId });
  }, 300_000);

  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('writes a summary per participant, each statement citing only their own turns', () => {
    expect(summaries).toHaveLength(3);
    for (const member of group.members) {
      const summary = summaries.find((s) => s.clientId === member.clientId);
      const generation = summary?.generation;
      if (generation?.mode === 'model')
        expect(generation.model).toBe(path.basename(testLlmModel()));
      // The model was asked, whatever it wrote: the floor says so, naming it.
      else expect(generation?.reason).toMatch(/notes model \(SmolLM2.*\) wrote nothing usable/);
      const items = summary?.content.sections.flatMap((s) => s.items) ?? [];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.segmentIds.length).toBeGreaterThan(0);
        for (const id of item.segmentIds) expect(member.segmentIds).toContain(id);
      }
    }
  });

  it('never puts a member’s canary in another member’s summary', () => {
    for (const summary of summaries) {
      const own = GROUP_MEMBERS.find((m) => m.name === summary.clientName);
      const text = JSON.stringify(summary.content).toLowerCase();
      for (const other of GROUP_MEMBERS.filter((m) => m !== own))
        expect(text).not.toContain(other.canary.toLowerCase());
    }
  });
});
