import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { SearchService } from '../../electron/core/search/search-service';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { addAddendum } from '../../electron/core/store/repositories/note-addenda';
import { notesOfSession, saveClinicianVersion } from '../../electron/core/store/repositories/notes';
import { deleteTranscriptText } from '../../electron/core/store/repositories/retention';
import { correctSegment } from '../../electron/core/store/repositories/transcript-revisions';
import { addRiskFlag } from '../../electron/core/store/repositories/risk-flags';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { sessions } from '../../electron/core/store/schema';
import { SearchInput, type SearchResult } from '../../shared/api/search-schemas';
import { makeTempDir } from '../helpers/fixtures';
import { seedSearchLibrary, sessionWithNote, writeTranscript } from '../helpers/search-library';
import { takeEgressViolations } from '../setup/no-egress';

const temp = makeTempDir();
afterAll(() => temp.remove());

/**
 * Search over a small real library (encrypted SQLite, FTS5, the bundled sentence encoder in its
 * own process): keyword syntax, meaning, fusion, filters, incremental indexing, deletion, a drain
 * interrupted and resumed, and a rebuild; nothing connects anywhere.
 */
describe('search across the library', () => {
  let core: Core;
  let indexer: SearchService;
  let library: ReturnType<typeof seedSearchLibrary>;

  const search = (query: string, rest: Partial<SearchInput> = {}) =>
    call(core, 'search.query', {
      query,
      mode: 'hybrid',
      sort: 'relevance',
      limit: 20,
      offset: 0,
      ...rest,
    });
  const texts = (result: SearchResult) =>
    result.hits.map((h) => h.snippet.map((p) => p.text).join(''));
  const sessionsOf = (result: SearchResult) => new Set(result.hits.map((h) => h.sessionId));

  beforeAll(async () => {
    takeEgressViolations();
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'Dr Ada Byron',
      transport: 'in-process',
    });
    library = seedSearchLibrary(core.database.db);
    // The drain the app runs in the background, run here to its end.
    indexer = new SearchService({ connection: core.database.connection });
    await indexer.drain();
  }, 60_000);
  afterAll(async () => {
    await indexer.close();
    await core.shutdown();
  });

  it('finds a phrase, a prefix and words NEAR each other, with highlighted snippets', async () => {
    const phrase = await search('"thought record"', { mode: 'keyword' });
    expect(phrase.total).toBe(3);
    for (const hit of phrase.hits) {
      expect(hit.source).toBe('note');
      const marked = hit.snippet.filter((p) => p.highlight).map((p) => p.text);
      expect(marked).toEqual([expect.stringMatching(/^thought records?$/)]);
    }
    // Stemmed (porter): "records" is matched by the phrase too.
    expect(texts(phrase).some((t) => t.includes('thought records'))).toBe(true);

    const prefix = await search('anx*', { mode: 'keyword' });
    expect(prefix.total).toBeGreaterThanOrEqual(4);
    expect(
      prefix.hits.every((h) => h.snippet.some((p) => /^anx/i.test(p.text) && p.highlight)),
    ).toBe(true);

    const near = await search('NEAR(sister mum, 10)', { mode: 'keyword' });
    expect(near.hits).toHaveLength(1);
    const [hit] = near.hits;
    expect(hit).toMatchObject({
      source: 'transcript',
      sessionId: library.talkSession,
      segmentId: library.segmentIds[4],
      startMs: 40_000,
      label: 'Speaker 2',
      clientName: 'Marisol Quintero',
    });
    expect((await search('NEAR(sister mum, 2)', { mode: 'keyword' })).total).toBe(0);
    // Malformed syntax is read as words, never an error.
    expect((await search('"sister NEAR( OR', { mode: 'keyword' })).total).toBeGreaterThan(0);
  });

  it('finds a paraphrase only by meaning, and hybrid has what both found', async () => {
    const query = 'trouble falling asleep';
    const keyword = await search(query, { mode: 'keyword' });
    expect(keyword.total).toBe(0);
    const semantic = await search(query, { mode: 'semantic' });
    expect(semantic.semantic).toEqual({ available: true, reason: null });
    expect(texts(semantic).slice(0, 5).join(' ')).toMatch(/sleep/);

    const hybrid = await search('sleep');
    const by = hybrid.hits.map((h) => h.matchedBy.join('+'));
    expect(by).toContain('keyword+semantic');
    expect(by).toContain('semantic');
    // Found by both ranks above found by one (reciprocal rank fusion).
    expect(hybrid.hits[0]?.matchedBy).toEqual(['keyword', 'semantic']);
  });

  it('answers by keyword alone, saying why, without the encoder or when it fails', async () => {
    const input = SearchInput.parse({ query: '"thought record"', limit: 2, offset: 1 });
    const connection = core.database.connection;
    for (const encoderFiles of [null, { model: temp.dir, tokenizer: temp.dir }]) {
      const service = new SearchService({ connection, encoderFiles });
      const result = await service.query(input);
      await service.close();
      expect(result).toMatchObject({ mode: 'keyword', total: 3, semantic: { available: false } });
      expect(result.semantic.reason).toMatch(/\w+ \w+/);
      expect(result.hits).toHaveLength(2);
      expect(result.hits.every((h) => h.matchedBy.join() === 'keyword')).toBe(true);
    }
  });

  it('cuts by client, day, kind, template and risk, joined live', async () => {
    const { maria, tobias, couple } = library;
    const all = await search('client', { mode: 'keyword', limit: 100 });
    const byClient = await search('client', {
      mode: 'keyword',
      limit: 100,
      filters: { clientId: tobias.clientId },
    });
    expect(byClient.total).toBeGreaterThan(0);
    expect(byClient.total).toBeLessThan(all.total);
    expect(byClient.hits.every((h) => h.clientId === tobias.clientId)).toBe(true);

    const day = Date.parse('2026-10-12T00:00:00Z');
    const oneDay = await search('anxiety', { mode: 'keyword', filters: { from: day, to: day } });
    expect(sessionsOf(oneDay)).toEqual(new Set([maria.sessions.get('2026-10-12')]));

    const kind = await search('argument', { filters: { sessionKinds: ['couple'] } });
    expect(sessionsOf(kind)).toEqual(new Set([couple]));
    const template = await search('argument', { filters: { templateId: 'birp' } });
    expect(sessionsOf(template)).toEqual(new Set([couple]));

    const risky = await search('plan', { mode: 'keyword', filters: { hasRisk: true } });
    expect(risky.hits.length).toBeGreaterThan(0);
    expect(risky.hits.every((h) => h.hasRisk)).toBe(true);
    // A flag raised a moment ago counts at once: nothing is re-indexed for it.
    addRiskFlag(core.database.db, { sessionId: couple, runId: null, kind: 'harm', evidence: {} });
    const nowRisky = await search('timeout', { mode: 'keyword', filters: { hasRisk: true } });
    expect(sessionsOf(nowRisky)).toEqual(new Set([couple]));
    const calm = await search('timeout', { mode: 'keyword', filters: { hasRisk: false } });
    expect(calm.total).toBe(0);
  });

  it('finds an edit and a new transcript after the drain, and nothing of a deleted session', async () => {
    const db = core.database.db;
    // The couple session's note is a draft the clinician edits.
    const [draft] = notesOfSession(db, library.couple);
    const edited = structuredClone(draft?.ai?.content);
    if (!draft || !edited?.sections[0]?.items[0]) throw new Error('no draft');
    edited.sections[0].items[0].text = 'Partners spoke about bereavement after a grandmother died.';
    saveClinicianVersion(db, { noteId: draft.id, content: edited, text: '', author: 'test' });
    // Queued by the triggers in the same transaction; a query reads queued text first.
    const found = await search('bereavement', { mode: 'keyword' });
    expect(found.hits.map((h) => h.noteId)).toEqual([draft.id]);
    const [signed] = notesOfSession(db, library.maria.sessions.get('2026-10-19') as string);
    addAddendum(db, { noteId: signed?.id ?? '', text: 'The funeral is on Friday.', author: 'x' });
    expect((await search('funeral', { mode: 'keyword' })).hits[0]).toMatchObject({
      noteId: signed?.id,
      sectionKey: 'addendum',
      label: 'Addendum',
    });

    const fresh = createSession(db, { clientId: null, date: '2026-11-02', kind: 'individual' });
    writeTranscript(db, fresh, [
      [1, 'The zebra crossing near the school frightens me since the accident.'],
    ]);
    await indexer.drain();
    const zebra = await search('zebra');
    expect(zebra.hits[0]).toMatchObject({ sessionId: fresh, matchedBy: ['keyword', 'semantic'] });

    db.delete(sessions).where(eq(sessions.id, fresh)).run();
    expect((await search('zebra')).hits.filter((h) => h.sessionId === fresh)).toEqual([]);
    const left = core.database.connection
      .prepare('SELECT count(*) AS n FROM search_vectors WHERE session_id = ?')
      .get(fresh) as { n: number };
    expect(left.n).toBe(0);

    // A corrected line is found at once; the session's other passages keep their rows.
    const owner = `t:${library.talkSession}`;
    const rowids = () =>
      new Map(
        (
          core.database.connection
            .prepare('SELECT key, id FROM search_documents WHERE owner = ?')
            .all(owner) as { key: string; id: number }[]
        ).map((r) => [r.key, r.id]),
      );
    const before = rowids();
    const [first] = library.segmentIds;
    correctSegment(db, { segmentId: first ?? '', text: 'How was the allotment?', author: 'x' });
    expect((await search('allotment', { mode: 'keyword' })).hits[0]?.segmentId).toBe(first);
    const after = rowids();
    const changed = [...after].filter(([key, id]) => before.get(key) !== id).map(([k]) => k);
    expect(changed).toEqual([`t:${first}`]);

    // The retention sweep blanks a transcript: gone from search in the same transaction.
    expect((await search('awake', { mode: 'keyword' })).total).toBe(1);
    deleteTranscriptText(db, library.talkSession, Date.now());
    const kept = core.database.connection
      .prepare(
        `SELECT (SELECT count(*) FROM search_documents WHERE owner = ?)
              + (SELECT count(*) FROM search_vectors WHERE owner = ?) AS n`,
      )
      .get(owner, owner) as { n: number };
    expect(kept.n).toBe(0);
    expect((await search('awake', { mode: 'keyword' })).total).toBe(0);
  });

  it('finds a plan goal and a brief line, with where to open them', async () => {
    const { maria, talkSession } = library;
    const smart = {
      specific: 'Sleep through the night',
      measurable: 'nights woken per week',
      achievable: 'with a wind-down routine',
      relevant: 'tiredness at work',
      timeBound: 'within six weeks',
    };
    const plan = {
      goals: [
        {
          id: 'g1',
          statement: 'Reduce nocturnal awakenings',
          smart,
          toConfirm: [],
          measure: 'sleep diary',
          target: null,
          status: 'progressing',
          setOn: '2026-10-05',
          updatedOn: '2026-10-12',
        },
      ],
      interventions: [],
      homework: [],
    };
    const analysis = {
      sessionsRead: [],
      themes: [],
      frameworks: [],
      homework: [],
      risks: [],
      ratings: [],
      goals: [],
      questions: [
        { text: 'Ask how the wind-down routine went with the kettlebell.', citations: [] },
      ],
      mode: 'rules',
    };
    const connection = core.database.connection;
    connection
      .prepare(
        `INSERT INTO treatment_plans (id, client_id, version, content_json, created_by, change_note)
         VALUES ('plan-1', ?, 1, ?, 'test', 'first')`,
      )
      .run(maria.clientId, JSON.stringify(plan));
    connection
      .prepare(
        `INSERT INTO briefs (id, session_id, client_id, analysis_json, abstract_json, guide_json)
         VALUES ('brief-1', ?, ?, ?, '{}', '{}')`,
      )
      .run(talkSession, maria.clientId, JSON.stringify(analysis));
    const goal = await search('nocturnal awakenings', { mode: 'keyword' });
    expect(goal.hits).toMatchObject([
      { source: 'plan', planId: 'plan-1', clientId: maria.clientId, sessionId: null },
    ]);
    expect(goal.hits[0]).toMatchObject({ sectionKey: 'goals', date: Date.parse('2026-10-12') });
    const brief = await search('kettlebell', { mode: 'keyword' });
    expect(brief.hits).toMatchObject([
      { source: 'brief', briefId: 'brief-1', sessionId: talkSession, sectionKey: 'questions' },
    ]);
    // A plan has no session: a filter only sessions meet leaves it out.
    const kinds = await search('nocturnal', { filters: { sessionKinds: ['individual'] } });
    expect(kinds.hits.filter((h) => h.source === 'plan')).toEqual([]);
  });

  it('resumes a drain that was stopped half-way', async () => {
    const db = core.database.db;
    const sessionId = sessionWithNote(
      db,
      library.maria.clientId,
      '2026-11-09',
      'individual',
      'soap',
      [
        'Client described a panic attack on the crowded train platform.',
        'Client used paced breathing until the panic passed.',
      ],
    );
    const stop = new AbortController();
    const interrupted = new SearchService({ connection: core.database.connection });
    // Text is indexed, then the process "dies" before any vector is written.
    const drained = interrupted.drain({ signal: stop.signal, max: 1 });
    stop.abort();
    await expect(drained).rejects.toThrow();
    await interrupted.close();
    const queued = core.database.connection
      .prepare('SELECT stage FROM search_dirty WHERE owner = ?')
      .get(`n:${sessionId}`) as { stage: string } | undefined;
    expect(queued?.stage).toBe('vectors');
    // The app's background drain (here every 20 ms) finishes it, text and vectors.
    const background = new SearchService({ connection: core.database.connection });
    background.start(20);
    while ((await call(core, 'search.status', {})).pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await background.close();
    const meaning = await search('fear of crowds on public transport', { mode: 'semantic' });
    expect(meaning.hits[0]?.sessionId).toBe(sessionId);
  });

  it('rebuilds the whole index as one audited job, and stays offline', async () => {
    const before = await call(core, 'search.status', {});
    const { runId } = await call(core, 'search.reindex', {});
    const after = await call(core, 'search.status', {});
    expect(after).toMatchObject({
      documents: before.documents,
      vectors: before.vectors,
      pending: 0,
      rebuildRunId: null,
      encoder: { available: true },
    });
    expect(after.lastRebuiltAt).toBeGreaterThan(Date.now() - 60_000);
    expect(after.sizeBytes).toBeGreaterThan(0);
    const audit = listAudit(core.database.db).filter((e) => e.action.startsWith('search.'));
    expect(audit.filter((e) => e.entityId === runId).map((e) => e.action)).toEqual([
      'search.reindex_requested',
      'search.reindexed',
    ]);
    // Results are audited by session id; the query text never reaches the log.
    expect(audit.some((e) => e.action === 'search.viewed')).toBe(true);
    expect(JSON.stringify(listAudit(core.database.db))).not.toMatch(/zebra|bereavement/);
    expect(takeEgressViolations()).toEqual([]);
  });
});
