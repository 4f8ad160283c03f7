import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { recordRiskFindings, riskFlagsOf } from '../../electron/core/store/repositories/risk-flags';
import type { NoteContent } from '../../shared/api/note-schemas';
import type { Refinement } from '../../shared/api/refine-schemas';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { RISK_STATEMENT, seedRefinableNote } from '../helpers/refine';

const texts = (content: NoteContent | null | undefined, key: string) =>
  content?.sections.find((s) => s.key === key)?.items.map((i) => i.text) ?? [];
const items = (content: NoteContent | null | undefined, key: string) =>
  content?.sections.find((s) => s.key === key)?.items ?? [];

/**
 * Refinement chat on the real core, run machinery and encrypted database, with no notes model
 * installed: the rules floor does the common asks, the invariants hold (citations, unverified
 * marking, risk kept), and the clinician decides; history and audit survive a restart.
 */
describe('refining a note', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let core: Core;

  beforeAll(async () => {
    core = await startCore({ dataDir, actor: 'dr-test', transport: 'in-process' });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  async function refine(noteId: string, request: string, section?: string): Promise<Refinement> {
    const asked = await call(core, 'refine.request', { noteId, request, section });
    const run = await core.pipeline.settled(asked.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    return call(core, 'refine.get', { id: asked.refinementId });
  }

  it('makes the plan shorter by rules, keeping citations and the risk statement, then accepts it', async () => {
    const { noteId, segmentIds } = seedRefinableNote(core.database.db, 'Shorter');
    const done = await refine(noteId, 'make the plan section shorter', 'plan');
    expect(done.status).toBe('proposed');
    expect(done.mode).toBe('rules');
    expect(done.message).toMatch(/^Done by rules \(each statement cut/);
    expect(done.message).toMatch(/notes model/i);
    expect(texts(done.proposed, 'plan')).toEqual([
      'Continue cognitive restructuring with the thought record.',
      'Meet again next Tuesday at ten.',
      RISK_STATEMENT,
      'Monitor sleep over the coming weeks.',
    ]);
    // Shortened statements still rest on the sentences they cited, and still check out.
    for (const item of items(done.proposed, 'plan')) expect(item.supported).toBe(true);
    expect(items(done.proposed, 'plan')[1]?.segmentIds).toEqual([segmentIds[7]]);
    // Only the plan changed; the diff says what went.
    expect(done.proposed?.sections.filter((s) => s.key !== 'plan')).toEqual(
      done.base.sections.filter((s) => s.key !== 'plan'),
    );
    const plan = done.diff?.sections.find((s) => s.key === 'plan');
    expect(plan?.changed).toBe(true);
    expect(
      plan?.parts
        .filter((p) => p.op === 'del')
        .map((p) => p.text)
        .join(' '),
    ).toMatch(/Review progress with work worries/);
    expect(done.diff?.sections.filter((s) => s.changed).map((s) => s.key)).toEqual(['plan']);
    expect(done.diff?.removed).toBeGreaterThan(20);

    const note = await call(core, 'refine.accept', { id: done.id });
    expect(texts(note.clinician?.content, 'plan')).toEqual(texts(done.proposed, 'plan'));
    const revisions = await call(core, 'notes.revisions', { id: noteId });
    expect(revisions.at(-1)).toMatchObject({ version: 'clinician', reason: 'refinement' });
    expect((await call(core, 'refine.get', { id: done.id })).status).toBe('accepted');
    // Decided once: a second accept is refused with the reason.
    const again = await rejection(call(core, 'refine.accept', { id: done.id }));
    expect(again.code).toBe('refinement_not_open');
  });

  it('puts jargon in plain words and adds the homework, both citing the transcript', async () => {
    const { noteId, segmentIds } = seedRefinableNote(core.database.db, 'Plainer');
    const plain = await refine(noteId, 'less jargon please', 'subjective');
    expect(texts(plain.proposed, 'subjective')).toEqual([
      'Client said going over the same thoughts about work and poor sleep most nights.',
    ]);
    expect(items(plain.proposed, 'subjective')[0]).toMatchObject({
      segmentIds: [segmentIds[1]],
      supported: true,
    });
    await call(core, 'refine.reject', { id: plain.id });

    const homework = await refine(noteId, 'add the homework', 'plan');
    const added = items(homework.proposed, 'plan').filter(
      (i) => !texts(homework.base, 'plan').includes(i.text),
    );
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ segmentIds: [segmentIds[6]], supported: true });
    expect(added[0]?.text).toMatch(/thought record every evening/);
  });

  it('says plainly what it cannot do without a model, with no empty proposal', async () => {
    const { noteId } = seedRefinableNote(core.database.db, 'Unserved');
    const asked = await call(core, 'refine.request', { noteId, request: 'write it as a poem' });
    await core.pipeline.settled(asked.runId);
    const failed = await call(core, 'refine.get', { id: asked.refinementId });
    expect(failed.status).toBe('failed');
    expect(failed.proposed).toBeNull();
    expect(failed.message).toMatch(/shorter, plainer \(less jargon\) or add the homework/);
    const refused = await rejection(call(core, 'refine.accept', { id: failed.id }));
    expect(refused.code).toBe('refinement_not_open');
  });

  it('keeps a risk statement an edit drops, marks new words unverified, and never touches risk flags', async () => {
    const { noteId, sessionId, segmentIds } = seedRefinableNote(core.database.db, 'Risky');
    recordRiskFindings(core.database.db, sessionId, null, [
      {
        category: 'suicidal_ideation_passive',
        segmentIds: [segmentIds[3] ?? ''],
        quotes: ['wish I could just not wake up'],
        sources: ['scanner'],
        severity: 'medium',
        temporal: 'current',
        subject: 'self',
      },
    ]);
    const flagsBefore = riskFlagsOf(core.database.db, sessionId);
    const done = await refine(noteId, 'shorter', 'assessment');
    // The only assessment statement bears on risk: the rules leave it, so nothing changes.
    expect(done.status).toBe('failed');
    expect(done.message).toMatch(/already as short/);

    const shorter = await refine(noteId, 'make it shorter');
    const edited: NoteContent = {
      ...(shorter.proposed as NoteContent),
      sections: (shorter.proposed as NoteContent).sections.map((s) =>
        s.key === 'assessment'
          ? {
              ...s,
              items: [
                {
                  text: 'Client is doing fine.',
                  segmentIds: [],
                  quote: '',
                  fields: {},
                  supported: true,
                  problems: [],
                  origin: 'clinician' as const,
                },
              ],
            }
          : s,
      ),
    };
    const note = await call(core, 'refine.accept', { id: shorter.id, content: edited });
    const assessment = items(note.clinician?.content, 'assessment');
    expect(assessment.map((i) => i.text)).toEqual([RISK_STATEMENT, 'Client is doing fine.']);
    expect(assessment[0]?.supported).toBe(true);
    expect(assessment[1]?.supported).toBe(false);
    expect(assessment[1]?.problems[0]).toMatch(/^unverified: It cites no part of the transcript/);
    expect((await call(core, 'refine.get', { id: shorter.id })).status).toBe('edited');
    expect(riskFlagsOf(core.database.db, sessionId)).toEqual(flagsBefore);
  });

  it('refuses a stale proposal and any refinement of a signed note', async () => {
    const { noteId, sessionId } = seedRefinableNote(core.database.db, 'Signed');
    const stale = await refine(noteId, 'shorter', 'plan');
    const note = await call(core, 'notes.get', { id: noteId });
    const content = note.ai?.content as NoteContent;
    // The clinician edits the note by hand after the proposal was made.
    await call(core, 'notes.saveClinicianVersion', {
      id: noteId,
      content: { ...content, sections: content.sections.filter((s) => s.key !== 'objective') },
    });
    const refusedStale = await rejection(call(core, 'refine.accept', { id: stale.id }));
    expect(refusedStale.code).toBe('refinement_stale');
    expect(refusedStale.userMessage).toMatch(/changed since .* Ask again/);

    const open = await refine(noteId, 'shorter', 'plan');
    await call(core, 'sessions.approve', { id: sessionId });
    const refused = await rejection(call(core, 'refine.request', { noteId, request: 'shorter' }));
    expect(refused.code).toBe('note_locked');
    expect(refused.userMessage).toBe('Signed notes cannot be refined; add an addendum.');
    const late = await rejection(call(core, 'refine.accept', { id: open.id }));
    expect(late.code).toBe('note_locked');
  });

  it('keeps the history across a restart and audits every step by id only', async () => {
    const { noteId } = seedRefinableNote(core.database.db, 'History');
    const first = await refine(noteId, 'make the plan section shorter', 'plan');
    await call(core, 'refine.accept', { id: first.id });
    const second = await refine(noteId, 'less jargon', 'subjective');
    await call(core, 'refine.reject', { id: second.id });

    await core.shutdown();
    core = await startCore({ dataDir, actor: 'dr-test', transport: 'in-process' });
    const history = await call(core, 'refine.list', { noteId });
    expect(
      history.map((r) => [r.request, r.sectionKey, r.status, r.mode, r.requestedBy, r.decidedBy]),
    ).toEqual([
      ['make the plan section shorter', 'plan', 'accepted', 'rules', 'dr-test', 'dr-test'],
      ['less jargon', 'subjective', 'rejected', 'rules', 'dr-test', 'dr-test'],
    ]);
    const note = await call(core, 'notes.get', { id: noteId });
    expect(texts(note.clinician?.content, 'plan')).toEqual(texts(first.proposed, 'plan'));

    const audit = listAudit(core.database.db).filter(
      (a) => a.entityId === noteId && a.action.startsWith('note.refinement_'),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'note.refinement_accepted',
        'note.refinement_proposed',
        'note.refinement_proposed',
        'note.refinement_rejected',
        'note.refinement_requested',
        'note.refinement_requested',
      ].sort(),
    );
    for (const entry of audit) {
      expect(JSON.stringify(entry)).toMatch(new RegExp(`${first.id}|${second.id}`));
      expect(JSON.stringify(entry)).not.toMatch(/shorter|jargon|restructuring/i);
    }
  });
});
