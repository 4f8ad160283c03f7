import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { createSession } from '../../electron/core/store/repositories/sessions';
import type { ParticipantSummary } from '../../shared/api/group-schemas';
import { makeTempDir } from '../helpers/fixtures';
import { GROUP_MEMBERS, seedGroupSession, type SeededGroup } from '../helpers/group-session';

/**
 * A group session through the API with no notes model (the extractive floor): speakers mapped to
 * clients, one summary per participant citing only their own turns, each member's canary only
 * in their own summary, and approval and listing per participant.
 */
describe('group sessions through the API', () => {
  const temp = makeTempDir();
  let core: Core;
  let group: SeededGroup;
  let summaries: ParticipantSummary[];
  const mapping = () =>
    group.members.map((m) => ({ speakerId: m.speakerId, clientId: m.clientId }));

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
    group = seedGroupSession(core.database.db);
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('refuses a bad mapping in words, changing nothing', async () => {
    const [a, b] = group.members;
    if (!a || !b) throw new Error('seed');
    const set = (participants: { speakerId: string; clientId: string }[], sessionId?: string) =>
      call(core, 'group.participants.set', {
        sessionId: sessionId ?? group.sessionId,
        participants,
      });
    await expect(
      set([
        { speakerId: a.speakerId, clientId: a.clientId },
        { speakerId: b.speakerId, clientId: a.clientId },
      ]),
    ).rejects.toMatchObject({ code: 'client_mapped_twice', category: 'validation' });
    await expect(
      set([{ speakerId: group.clinicianSpeakerId, clientId: a.clientId }]),
    ).rejects.toMatchObject({ code: 'speaker_is_clinician' });
    await expect(
      set([{ speakerId: a.speakerId, clientId: crypto.randomUUID() }]),
    ).rejects.toMatchObject({ code: 'client_not_found' });
    const other = seedGroupSession(core.database.db, { date: '2026-11-21' });
    await expect(
      set([{ speakerId: other.members[0]?.speakerId ?? '', clientId: a.clientId }]),
    ).rejects.toMatchObject({ code: 'speaker_not_in_session' });
    const individual = createSession(core.database.db, {
      clientId: a.clientId,
      date: '2026-11-22',
      kind: 'individual',
    });
    await expect(set([], individual)).rejects.toMatchObject({ code: 'session_not_group' });
    // Made a group session by hand, it takes a mapping.
    expect(
      await call(core, 'sessions.setKind', { sessionId: individual, kind: 'group' }),
    ).toMatchObject({ kind: 'group' });
    expect((await set([], individual)).kind).toBe('group');
    await expect(
      call(core, 'group.summarize', { sessionId: group.sessionId }),
    ).rejects.toMatchObject({ code: 'no_participants' });
    const view = await call(core, 'group.get', { sessionId: group.sessionId });
    expect(view.speakers.every((s) => s.clientId === null)).toBe(true);
  });

  it('maps each speaker to a client and shows a sample line and talk time per speaker', async () => {
    const view = await call(core, 'group.participants.set', {
      sessionId: group.sessionId,
      participants: mapping(),
    });
    expect(view.kind).toBe('group');
    expect(view.speakers).toHaveLength(4);
    for (const member of group.members) {
      const speaker = view.speakers.find((s) => s.speakerId === member.speakerId);
      expect(speaker).toMatchObject({ clientId: member.clientId, clientName: member.member.name });
      expect(speaker?.lines).toBe(3);
      expect(speaker?.talkSec).toBe(15);
      expect(member.member.lines).toContain(speaker?.sample);
    }
    const mapped = listAudit(core.database.db).filter(
      (e) => e.action === 'group.participants_set' && e.entityId === group.sessionId,
    );
    expect(mapped).toHaveLength(1);
    expect(mapped[0]?.detailJson).not.toMatch(/Ada|Quillon/);
  });

  it('writes three summaries, each citing only its own participant’s turns', async () => {
    const queued = await call(core, 'group.summarize', { sessionId: group.sessionId });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status).toBe('completed');
    const runs = await call(core, 'runs.list', { sessionId: group.sessionId });
    expect(runs[0]?.stages.map((s) => s.stage)).toEqual([
      'load_participants',
      'summarize',
      'isolation_check',
      'persist',
    ]);
    summaries = await call(core, 'group.summaries', { sessionId: group.sessionId });
    expect(summaries.map((s) => s.clientName)).toEqual(GROUP_MEMBERS.map((m) => m.name));
    for (const member of group.members) {
      const summary = summaries.find((s) => s.clientId === member.clientId);
      expect(summary).toMatchObject({ status: 'draft', runId: queued.runId });
      expect(summary?.generation).toMatchObject({ mode: 'extractive', dropped: 0 });
      expect(summary?.generation.reason).toMatch(/model/i);
      const items = summary?.content.sections.flatMap((s) => s.items) ?? [];
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        expect(item.segmentIds.length).toBeGreaterThan(0);
        for (const id of item.segmentIds) expect(member.segmentIds).toContain(id);
        expect(item.supported).toBe(true);
      }
    }
  });

  it('puts each member’s canary in their own summary and never in another’s', () => {
    for (const summary of summaries) {
      const own = GROUP_MEMBERS.find((m) => m.name === summary.clientName);
      const text = JSON.stringify(summary.content);
      expect(text).toContain(own?.canary);
      for (const other of GROUP_MEMBERS.filter((m) => m !== own))
        expect(text).not.toContain(other.canary);
    }
    const audit = listAudit(core.database.db).filter((e) => e.action.startsWith('group.'));
    for (const entry of audit)
      for (const member of GROUP_MEMBERS)
        expect(entry.detailJson ?? '').not.toContain(member.canary);
  });

  it('approves one participant, edits another’s draft, and files each under its client only', async () => {
    const [first, second] = summaries;
    if (!first || !second) throw new Error('summaries');
    const approved = await call(core, 'group.approveSummary', { id: first.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'test' });
    const edited = structuredClone(second.content);
    edited.sections[0]?.items.push({
      text: 'Engaged well with the exercise.',
      segmentIds: [],
      quote: '',
      fields: {},
      supported: true,
      problems: [],
      origin: 'clinician',
    });
    const updated = await call(core, 'group.updateSummary', { id: second.id, content: edited });
    expect(updated).toMatchObject({ status: 'draft', edited: true });
    expect(updated.content.sections[0]?.items.at(-1)?.text).toBe('Engaged well with the exercise.');
    await expect(
      call(core, 'group.updateSummary', { id: first.id, content: first.content }),
    ).rejects.toMatchObject({ code: 'summary_approved' });
    // A new run replaces drafts and leaves the approved summary as it was signed.
    const again = await call(core, 'group.summarize', { sessionId: group.sessionId });
    expect((await core.pipeline.settled(again.runId)).status).toBe('completed');
    const after = await call(core, 'group.summaries', { sessionId: group.sessionId });
    expect(after.find((s) => s.id === first.id)).toMatchObject({
      status: 'approved',
      runId: first.runId,
    });
    expect(after.filter((s) => s.status === 'draft')).toHaveLength(2);
    await expect(
      call(core, 'sessions.setKind', { sessionId: group.sessionId, kind: 'individual' }),
    ).rejects.toMatchObject({ code: 'session_has_participant_summaries' });
    for (const member of group.members) {
      const filed = await call(core, 'group.summariesOfClient', { clientId: member.clientId });
      expect(filed.map((s) => s.clientId)).toEqual([member.clientId]);
    }
  });
});
