import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { findIdentifiers } from '../../electron/core/sync/deidentify';
import { THEME_PHRASES } from '../../electron/core/workflows/brief/guide-phrases';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import type { Brief } from '../../shared/api/brief-schemas';

/**
 * The pre-session brief on the real core and run machinery: a scripted client's three signed
 * sessions read into a brief for the fourth, by rules (no model). What it cites, what it says
 * about homework and risk, and that the client's guide holds nothing of the record.
 */
describe('a pre-session brief', () => {
  const temp = makeTempDir();
  let core: Core;
  let brief: Brief;
  let sessions: Map<string, string>;
  let upcomingId: string;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
    const seeded = seedClientHistory(core.database.db, WORRIED_SLEEPER);
    sessions = seeded.sessions;
    const queued = await call(core, 'briefs.prepare', {
      clientId: seeded.clientId,
      date: WORRIED_SLEEPER.upcoming,
      waiting: true,
    });
    upcomingId = queued.sessionId;
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status).toBe('completed');
    const stored = await call(core, 'briefs.get', { sessionId: upcomingId });
    if (!stored) throw new Error('no brief');
    brief = stored;
  });

  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('prepares for a planned session and reads every earlier signed session, citing them', async () => {
    const upcoming = await call(core, 'sessions.get', { id: upcomingId });
    expect(upcoming).toMatchObject({ date: WORRIED_SLEEPER.upcoming, status: 'scheduled' });
    expect(brief.analysis.sessionsRead.map((s) => s.date)).toEqual([
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
    ]);
    const themes = new Map(brief.analysis.themes.map((t) => [t.id, t]));
    // Sleep comes up in the first session (and the anxiety in all three).
    expect(themes.get('sleep')?.citations.map((c) => c.date)).toContain('2026-10-05');
    for (const theme of brief.analysis.themes)
      for (const citation of theme.citations)
        expect(sessions.get(citation.date)).toBe(citation.sessionId);
  });

  it('cites the framework library for the methods the notes show in use', () => {
    const cbt = brief.analysis.library.find((f) => f.id === 'cbt');
    // "Introduced cognitive restructuring with a thought record" on the first session.
    expect(cbt?.techniques.map((t) => t.id)).toContain('thought-record');
    expect(cbt?.citations.map((c) => c.date)).toContain('2026-10-05');
    expect(cbt?.typicalHomework.length).toBeGreaterThan(0);
    for (const framework of brief.analysis.library)
      for (const citation of framework.citations)
        expect(sessions.get(citation.date)).toBe(citation.sessionId);
  });

  it('knows which homework came back, which is due and which was dropped', () => {
    const status = Object.fromEntries(
      brief.analysis.homework.map((h) => [h.given, { status: h.status, followUps: h.followUps }]),
    );
    expect(status['2026-10-05']?.status).toBe('came_back');
    expect(status['2026-10-05']?.followUps.map((c) => c.date)).toEqual(['2026-10-12']);
    expect(status['2026-10-12']?.status).toBe('not_mentioned_since');
    expect(status['2026-10-19']?.status).toBe('due_now');
  });

  it('carries the risk on record and asks about it, and the last rating', () => {
    expect(brief.analysis.risks).toEqual([
      expect.objectContaining({
        kind: 'suicidal_ideation_passive',
        lastSeen: '2026-10-12',
        open: false,
      }),
    ]);
    const questions = brief.analysis.questions.map((q) => q.text);
    expect(questions.some((q) => q.includes('safety since 2026-10-12'))).toBe(true);
    expect(questions.some((q) => q.includes('homework set on 2026-10-19 went'))).toBe(true);
    expect(questions.some((q) => q.includes('homework set on 2026-10-12 was tried'))).toBe(true);
    expect(brief.analysis.ratings.at(-1)?.date).toBe('2026-10-19');
  });

  it('gives the client a plain guide that holds no name, place, date or quote', () => {
    const text = [
      brief.guide.title,
      ...brief.guide.sections.flatMap((s) => [s.heading, ...s.lines]),
    ].join('\n');
    for (const canary of WORRIED_SLEEPER.canaries) expect(text).not.toContain(canary);
    expect(text).not.toMatch(/\d/);
    expect(findIdentifiers(text)).toEqual([]);
    // Built from the abstract only: its themes and practices, in the guide's own words.
    expect(brief.abstract.themes).toContain('sleep');
    const topics = brief.abstract.themes.map((id) => THEME_PHRASES[id]?.topic);
    const named = topics.filter((topic) => topic !== undefined && text.includes(topic));
    expect(named.length).toBeGreaterThanOrEqual(2);
    expect(named).toContain(THEME_PHRASES.sleep?.topic);
    expect(brief.abstract.identifierCheck.found).toBe(0);
    expect(brief.guide.grade).toBeLessThanOrEqual(8);
  });

  it('audits the brief by ids, and the run carries its stages and timings', async () => {
    const audit = listAudit(core.database.db).filter((e) => e.action === 'brief.created');
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Marisol');
    const runs = await call(core, 'runs.list', { sessionId: upcomingId });
    expect(runs[0]).toMatchObject({ type: 'pre_session', status: 'completed' });
    expect(runs[0]?.stages.map((s) => [s.stage, s.status])).toEqual([
      ['load_history', 'completed'],
      ['analysis', 'completed'],
      ['abstraction', 'completed'],
      ['client_guide', 'completed'],
      ['persist', 'completed'],
    ]);
  });
});
