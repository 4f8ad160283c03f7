import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../shared/api/transport';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { addRiskFlag } from '../../electron/core/store/repositories/risk-flags';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import { runCairn } from '../helpers/cli';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';

/** Clients through the API gate: create, refuse a duplicate, rename, their sessions, assignment. */
describe('clients', () => {
  const temp = makeTempDir();
  const events: EventMessage[] = [];
  let core: Core;
  beforeAll(async () => {
    core = await startCore({ dataDir: temp.dir, actor: 'dr-lee', transport: 'in-process' });
    core.events.subscribe((message) => events.push(message));
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  const session = (date: string, clientId: string | null = null) =>
    createSession(core.database.db, { clientId, date, kind: 'individual' });
  const auditText = () =>
    JSON.stringify(core.database.connection.prepare('select * from audit_log').all());

  it('creates a client with a trimmed name and no sessions yet', async () => {
    const client = await call(core, 'clients.create', { name: '  Ada Lovelace ' });
    expect(client).toMatchObject({
      name: 'Ada Lovelace',
      sessionCount: 0,
      lastSessionDate: null,
      openRiskFlags: 0,
    });
    expect(events).toContainEqual({ name: 'clients.changed', payload: { clientId: client.id } });
    expect((await call(core, 'clients.list', {})).map((c) => c.name)).toEqual(['Ada Lovelace']);
  });

  it('refuses a duplicate name, also in other case or spacing, with what to do instead', async () => {
    for (const name of ['Ada Lovelace', 'ada  LOVELACE']) {
      const error = await rejection(call(core, 'clients.create', { name }));
      expect(error).toMatchObject({ category: 'validation', code: 'client_name_taken' });
      expect(error.userMessage).toMatch(/already a client called “Ada Lovelace”.*Open that client/);
    }
    const empty = await rejection(call(core, 'clients.create', { name: '   ' }));
    expect(empty).toMatchObject({ category: 'validation', code: 'invalid_input' });
    expect(empty.userMessage).toContain('A client name cannot be empty.');
    const long = await rejection(call(core, 'clients.create', { name: 'x'.repeat(201) }));
    expect(long.userMessage).toContain('at most 200 characters');
    expect(await call(core, 'clients.list', {})).toHaveLength(1);
  });

  it('renames a client; a change of case is fine, another client’s name is refused', async () => {
    const [ada] = await call(core, 'clients.list', {});
    const grace = await call(core, 'clients.create', { name: 'Grace Hopper' });
    const renamed = await call(core, 'clients.rename', { id: ada?.id as string, name: 'ADA K.' });
    expect(renamed.name).toBe('ADA K.');
    expect((await call(core, 'clients.rename', { id: renamed.id, name: 'Ada K.' })).name).toBe(
      'Ada K.',
    );
    const taken = await rejection(call(core, 'clients.rename', { id: grace.id, name: 'ada k.' }));
    expect(taken.code).toBe('client_name_taken');
    const missing = await rejection(
      call(core, 'clients.rename', { id: '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f', name: 'X' }),
    );
    expect(missing.code).toBe('client_not_found');
    expect(events).toContainEqual({ name: 'sessions.changed', payload: { sessionId: null } });
  });

  it('lists a client’s sessions oldest first, with counts, last date and open risk flags', async () => {
    const grace = (await call(core, 'clients.list', {})).find((c) => c.name === 'Grace Hopper');
    const graceId = grace?.id as string;
    const later = session('2026-03-02', graceId);
    const earlier = session('2026-01-15', graceId);
    session('2026-02-01'); // someone else's
    addRiskFlag(core.database.db, {
      sessionId: later,
      runId: null,
      kind: 'self_harm',
      evidence: {},
    });
    const detail = await call(core, 'clients.get', { id: graceId });
    expect(detail.sessions.map((s) => s.id)).toEqual([earlier, later]);
    expect(detail.sessions.every((s) => s.clientName === 'Grace Hopper')).toBe(true);
    expect(detail).toMatchObject({
      sessionCount: 2,
      lastSessionDate: '2026-03-02',
      openRiskFlags: 1,
    });
    const missing = await rejection(
      call(core, 'clients.get', { id: '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f' }),
    );
    expect(missing.code).toBe('client_not_found');
  });

  it('assigns a session to a client, moves it, and unassigns it', async () => {
    const [ada, grace] = await call(core, 'clients.list', {});
    const sessionId = session('2026-04-01');
    events.length = 0;
    const assigned = await call(core, 'sessions.setClient', {
      sessionId,
      clientId: ada?.id as string,
    });
    expect(assigned).toMatchObject({ clientId: ada?.id, clientName: 'Ada K.' });
    expect(events).toEqual([{ name: 'sessions.changed', payload: { sessionId } }]);
    await call(core, 'sessions.setClient', { sessionId, clientId: grace?.id as string });
    expect((await call(core, 'clients.get', { id: grace?.id as string })).sessionCount).toBe(3);
    const none = await call(core, 'sessions.setClient', { sessionId, clientId: null });
    expect(none).toMatchObject({ clientId: null, clientName: null });
    const unknown = await rejection(
      call(core, 'sessions.setClient', {
        sessionId,
        clientId: '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f',
      }),
    );
    expect(unknown.code).toBe('client_not_found');
  });

  it('keeps the client of a signed session', async () => {
    const [ada, grace] = await call(core, 'clients.list', {});
    const sessionId = session('2026-05-01', ada?.id);
    setSessionStatus(core.database.db, sessionId, 'approved');
    const error = await rejection(
      call(core, 'sessions.setClient', { sessionId, clientId: grace?.id as string }),
    );
    expect(error).toMatchObject({ category: 'validation', code: 'session_signed' });
  });

  it('audits create, rename and assignment with ids only, never names', () => {
    const actions = core.database.connection
      .prepare(
        "select action from audit_log where action like 'client.%' or action like 'session.%'",
      )
      .all() as { action: string }[];
    expect(new Set(actions.map((a) => a.action))).toEqual(
      // clients.get opened a client's page: a view, logged by id like the changes.
      new Set(['client.created', 'client.renamed', 'session.client_changed', 'client.viewed']),
    );
    const audit = auditText();
    for (const name of ['Ada', 'ADA', 'Lovelace', 'Grace', 'Hopper'])
      expect(audit).not.toContain(name);
  });

  it('an import with a differently-cased name finds the existing client', () => {
    expect(findOrCreateClient(core.database.db, 'grace hopper').created).toBe(false);
  });
});

/** `cairn clients`, as a user runs it: list, create, rename; exit 0 ok, 2 bad input. */
describe('cairn clients', () => {
  const temp = makeTempDir();
  afterAll(() => temp.remove());
  const cairn = (...args: string[]) => runCairn(args, { dataDir: temp.dir });

  it('creates, refuses a duplicate, renames and lists', async () => {
    const created = await cairn('clients', 'create', 'Ada Lovelace', '--json');
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.stdout) as { id: string };
    const duplicate = await cairn('clients', 'create', 'ADA LOVELACE');
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/already a client called/);
    expect((await cairn('clients', 'rename', id, 'Ada K.')).code).toBe(0);
    const listed = await cairn('clients', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ id, name: 'Ada K.', sessionCount: 0 }),
    ]);
    const table = await cairn('clients', 'list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Ada K\.\s+0\s+—\s+0/);
  });
});
