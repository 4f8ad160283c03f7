import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { couplesSummaries } from '../../electron/core/store/schema-couples';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';

/** Linking partners through the API: what is refused, in words, and what unlinking keeps. */
describe('couples through the API', () => {
  const temp = makeTempDir();
  let core: Core;
  const ids = { a: '', b: '', c: '' };

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'test',
      transport: 'in-process',
    });
    ids.a = seedClientHistory(core.database.db, WORRIED_SLEEPER).clientId;
    ids.b = seedClientHistory(core.database.db, TENSE_PARTNER).clientId;
    ids.c = (await call(core, 'clients.create', { name: 'Third Person' })).id;
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('refuses a merge without a partner, a link to oneself or to an unknown client', async () => {
    await expect(call(core, 'couples.merge', { clientId: ids.a })).rejects.toMatchObject({
      code: 'no_partner_linked',
      category: 'validation',
    });
    await expect(
      call(core, 'couples.link', { clientId: ids.a, partnerId: ids.a }),
    ).rejects.toMatchObject({ code: 'partner_is_self' });
    await expect(
      call(core, 'couples.link', { clientId: ids.a, partnerId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: 'client_not_found' });
    expect(await call(core, 'couples.get', { clientId: ids.a })).toMatchObject({ link: null });
  });

  it('links two clients once, seen from either side, and refuses a third', async () => {
    const view = await call(core, 'couples.link', { clientId: ids.a, partnerId: ids.b });
    expect(view.link).toMatchObject({ clientA: { id: ids.a }, clientB: { id: ids.b } });
    const again = await call(core, 'couples.link', { clientId: ids.b, partnerId: ids.a });
    expect(again.link?.id).toBe(view.link?.id);
    await expect(
      call(core, 'couples.link', { clientId: ids.c, partnerId: ids.b }),
    ).rejects.toMatchObject({ code: 'already_linked', message: /chosen partner/ });
    const linked = listAudit(core.database.db).filter((e) => e.action === 'couples.linked');
    expect(linked).toHaveLength(1);
    expect(JSON.parse(linked[0]?.detailJson ?? '{}')).toMatchObject({
      clientA: ids.a,
      clientB: ids.b,
    });
  });

  it('merges on a planned joint session, reused when asked again for the same day', async () => {
    const first = await call(core, 'couples.merge', { clientId: ids.b, date: '2026-10-28' });
    expect((await core.pipeline.settled(first.runId)).status).toBe('completed');
    const second = await call(core, 'couples.merge', { clientId: ids.a, date: '2026-10-28' });
    expect(second.sessionId).toBe(first.sessionId);
    expect((await core.pipeline.settled(second.runId)).status).toBe('completed');
    const joint = await call(core, 'sessions.get', { id: first.sessionId });
    expect(joint).toMatchObject({ kind: 'couple', status: 'scheduled', clientId: ids.a });
    const runs = await call(core, 'runs.list', { sessionId: first.sessionId });
    expect(runs[0]?.stages.map((s) => s.stage)).toEqual([
      'load_partners',
      'match',
      'joint_summary',
      'isolation_check',
      'persist',
    ]);
    const view = await call(core, 'couples.get', { clientId: ids.a });
    expect(view.latest?.runId).toBe(second.runId);
    expect(view.jointSessions).toHaveLength(1);
    const viewed = listAudit(core.database.db).filter((e) => e.action === 'couples.viewed');
    expect(viewed.map((e) => e.entityId)).toEqual([first.sessionId]);
    // A brief for the partner whose id the joint session carries plans their own session.
    const brief = await call(core, 'briefs.prepare', { clientId: ids.a, date: '2026-10-28' });
    expect(brief.sessionId).not.toBe(first.sessionId);
    expect(await call(core, 'sessions.get', { id: brief.sessionId })).toMatchObject({
      kind: 'individual',
    });
    await core.pipeline.settled(brief.runId);
  });

  it('unlinks, keeping the summaries made while linked, and frees both to link again', async () => {
    const view = await call(core, 'couples.unlink', { clientId: ids.b });
    expect(view.link).toBeNull();
    await expect(call(core, 'couples.unlink', { clientId: ids.b })).rejects.toMatchObject({
      code: 'no_partner_linked',
    });
    expect(core.database.db.select().from(couplesSummaries).all()).toHaveLength(2);
    const relinked = await call(core, 'couples.link', { clientId: ids.c, partnerId: ids.b });
    expect(relinked.link?.clientB.id).toBe(ids.b);
    expect(relinked.latest).toBeNull();
    // The first couple's joint session stays theirs: the new couple gets one of its own.
    expect(relinked.jointSessions).toEqual([]);
    const merged = await call(core, 'couples.merge', { clientId: ids.b, date: '2026-10-28' });
    expect((await core.pipeline.settled(merged.runId)).status).toBe('completed');
    const now = await call(core, 'couples.get', { clientId: ids.b });
    expect(now.jointSessions.map((s) => [s.id, s.clientId])).toEqual([[merged.sessionId, ids.c]]);
    expect(now.latest?.sessionId).toBe(merged.sessionId);
  });
});
