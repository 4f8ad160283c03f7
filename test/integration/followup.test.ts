import { readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { listAudit } from '../../electron/core/store/repositories/audit';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import {
  directSystemPrompt,
  noteSystemPrompt,
  PROMPT_VERSION,
} from '../../electron/core/notes/generate/prompts';
import { promptVersionOf } from '../../electron/core/notes/generate/prompt-instructions';
import { withPracticePrompt } from '../../electron/core/notes/templates/practice-prompt';
import { findTemplate } from '../../electron/core/notes/write-note';
import { FollowUp } from '../../shared/api/followup-schemas';
import type { EmailTemplate, PromptTemplate } from '../../shared/api/template-schemas';
import type { ScriptedClient } from '../fixtures/clients/scripted-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { takeEgressViolations } from '../setup/no-egress';

/** A client whose name is not ASCII (the .eml must carry it intact), and two signed sessions. */
const CLIENT: ScriptedClient = {
  name: 'Zoë Marchetti',
  upcoming: '2026-12-14',
  canaries: [],
  sessions: [
    {
      date: '2026-11-30',
      sections: {
        Subjective: ['Client reported sleeping better since cutting coffee after noon.'],
        Plan: ['Homework: keep a thought record each evening.'],
      },
    },
    {
      // A planted diagnosis: in the assessment (which never reaches a follow-up) and in the
      // homework (which does), so the check must fire on the message.
      date: '2026-12-07',
      sections: {
        Assessment: ['Presentation consistent with F32.1 major depressive disorder, moderate.'],
        Plan: ['Homework: read the leaflet about F32.1 major depressive disorder.'],
      },
    },
  ],
};

const EMAIL: EmailTemplate = {
  id: 'practice-follow-up',
  type: 'email',
  name: 'Practice follow-up',
  description: 'A short note after a session.',
  version: 1,
  subject: 'Our next session',
  body: 'Hello {{client.firstName}},\n\nWe meet next on {{nextSession.date}}.\n\n{{clinician.name}}',
  variables: ['client.firstName', 'nextSession.date', 'clinician.name'],
  resources: '',
};

const temp = makeTempDir();
const dataDir = path.join(temp.dir, 'data');
let seeded: { clientId: string; sessions: Map<string, string> };
const sessionOn = (date: string) => seeded.sessions.get(date) ?? '';
afterAll(() => temp.remove());

/**
 * Follow-ups for the client on the real core and run machinery (no model: filled from the
 * template), and the templates of three types whose variables are checked on save.
 */
describe('a follow-up for the client', () => {
  let core: Core;
  let unsigned = '';

  beforeAll(async () => {
    core = await startCore({ dataDir, actor: 'Dr Ada Byron', transport: 'in-process' });
    seeded = seedClientHistory(core.database.db, CLIENT);
    const upcoming = createSession(core.database.db, {
      clientId: seeded.clientId,
      date: CLIENT.upcoming,
      kind: 'individual',
    });
    setSessionStatus(core.database.db, upcoming, 'scheduled');
    unsigned = createSession(core.database.db, {
      clientId: seeded.clientId,
      date: '2026-12-20',
      kind: 'individual',
    });
  });
  afterAll(async () => {
    await core.shutdown();
  });

  async function draft(sessionId: string, templateId?: string): Promise<FollowUp> {
    const queued = await call(core, 'followups.draft', { sessionId, templateId, waiting: true });
    const run = await core.pipeline.settled(queued.runId);
    expect(run.status, run.errorMessage ?? '').toBe('completed');
    const summary = await call(core, 'runs.get', { id: queued.runId });
    expect(summary.stages.map((s) => s.stage)).toEqual(['gather', 'draft', 'check', 'persist']);
    const found = (await call(core, 'followups.list', { sessionId })).find(
      (f) => f.runId === queued.runId,
    );
    if (!found) throw new Error('no follow-up stored');
    return found;
  }

  it('drafts from the built-in template, exports a .eml that parses back, and connects nowhere', async () => {
    takeEgressViolations();
    const followUp = await draft(sessionOn('2026-11-30'));
    expect(followUp).toMatchObject({
      status: 'draft',
      mode: 'template',
      templateId: 'follow-up-homework',
      templateVersion: 1,
      subject: 'After our session on Monday 30 November 2026',
      warnings: [],
    });
    expect(followUp.body).toContain('Dear Zoë,');
    expect(followUp.body).toContain('- Keep a thought record each evening.');
    expect(followUp.body).toContain('Our next appointment: Monday 14 December 2026.');
    expect(followUp.body).toContain('contact the practice or your GP');
    expect(followUp.body).toMatch(/Dr Ada Byron$/);
    // Only the template's values: the rest of the note stays out.
    expect(followUp.body).not.toContain('coffee');
    expect(followUp.body).not.toContain('{{');

    const file = path.join(temp.dir, 'follow-up.eml');
    const exported = await call(core, 'followups.export', {
      id: followUp.id,
      as: 'eml',
      path: file,
    });
    expect(exported.followUp.status).toBe('exported');
    expect(exported.followUp.exportedAs).toBe('eml');
    const mail = await simpleParser(readFileSync(file));
    expect(mail.subject).toBe(followUp.subject);
    expect(mail.text?.trim()).toBe(followUp.body);
    // Cairn knows no addresses: the mail program fills them in.
    expect(mail.to).toBeUndefined();
    expect(mail.from).toBeUndefined();
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(
      listAudit(core.database.db)
        .filter((e) => e.entityType === 'follow_up')
        .map((e) => e.action),
    ).toEqual(expect.arrayContaining(['followup.drafted', 'followup.exported']));
    // An exported follow-up is no longer edited; a new draft is.
    const refused = await rejection(
      call(core, 'followups.update', { id: followUp.id, subject: 'x', body: 'y' }),
    );
    expect(refused.code).toBe('follow_up_exported');
    expect(takeEgressViolations()).toEqual([]);
  });

  it('warns of a planted diagnosis, and checks the clinician’s edits again', async () => {
    const followUp = await draft(sessionOn('2026-12-07'));
    expect(followUp.warnings.map((w) => [w.kind, w.phrase])).toEqual([
      ['diagnosis', 'F32.1'],
      ['diagnosis', 'major depressive disorder'],
    ]);
    expect(followUp.warnings[0]?.message).toContain('diagnosis code');
    expect(followUp.body).not.toContain('Presentation consistent');

    const cleaned = await call(core, 'followups.update', {
      id: followUp.id,
      subject: followUp.subject,
      body: followUp.body.replace(/- Read the leaflet[^\n]*/, '- Read the leaflet I gave you.'),
    });
    expect(cleaned.warnings).toEqual([]);
    const risky = await call(core, 'followups.update', {
      id: followUp.id,
      subject: followUp.subject,
      body: `${cleaned.body}\n\nI know you said you want to kill yourself; sertraline may help.`,
    });
    expect(risky.warnings.map((w) => w.kind)).toEqual(['risk', 'medication']);
    expect(risky.status).toBe('draft');
  });

  it('gives the notes model a practice’s prompt template, and today’s prompt without one', async () => {
    const soap = findTemplate(core.database.db, 'soap');
    await call(core, 'templates.ofType', { type: 'prompt' });
    // The built-in prompt template holds today's words: the prompt and its version are unchanged.
    const unchanged = withPracticePrompt(core.database.db, soap);
    expect(noteSystemPrompt(unchanged, 'transcript')).toBe(noteSystemPrompt(soap, 'transcript'));
    expect(promptVersionOf(unchanged, PROMPT_VERSION)).toBe(PROMPT_VERSION);

    const instructions = 'You document therapy sessions for a practice that writes in plain words.';
    const prompt: PromptTemplate = {
      id: 'practice-soap',
      type: 'prompt',
      name: 'Our SOAP instructions',
      description: 'Plain words.',
      version: 1,
      forTemplate: 'soap',
      instructions,
      variables: [],
    };
    const wrongTarget = await rejection(
      call(core, 'templates.saveTyped', { ...prompt, forTemplate: 'follow-up-homework' }),
    );
    expect(wrongTarget.code).toBe('template_not_found');
    await call(core, 'templates.saveTyped', prompt);
    const edited = withPracticePrompt(core.database.db, soap);
    for (const system of [
      noteSystemPrompt(edited, 'transcript'),
      noteSystemPrompt(edited, 'facts'),
      directSystemPrompt(edited),
    ]) {
      expect(
        system.startsWith(`${instructions} You`) || system.startsWith(`${instructions} Write`),
      ).toBe(true);
      expect(system).not.toContain('careful clinical documentation assistant');
      // The sections stay Cairn's.
      expect(system).toContain('subjective (Subjective)');
    }
    expect(promptVersionOf(edited, PROMPT_VERSION)).toBe(`${PROMPT_VERSION}+practice-soap@1`);
    await call(core, 'templates.delete', { id: 'practice-soap' });
  });

  it('refuses a session whose note is not signed, and an unknown template', async () => {
    expect((await rejection(call(core, 'followups.draft', { sessionId: unsigned }))).code).toBe(
      'note_not_signed',
    );
    const unknown = await rejection(
      call(core, 'followups.draft', { sessionId: sessionOn('2026-11-30'), templateId: 'soap' }),
    );
    expect(unknown.code).toBe('template_not_found');
  });

  it('checks an email template’s variables on save and keeps every version', async () => {
    const refusedWith = async (template: EmailTemplate) =>
      rejection(call(core, 'templates.saveTyped', template));
    const undeclared = await refusedWith({
      ...EMAIL,
      variables: ['client.firstName', 'clinician.name'],
    });
    expect(undeclared.code).toBe('template_variable_undeclared');
    expect(undeclared.userMessage).toContain('{{nextSession.date}}');
    const unknown = await refusedWith({
      ...EMAIL,
      body: `${EMAIL.body} {{client.diagnosis}}`,
      variables: [...EMAIL.variables, 'client.diagnosis'],
    });
    expect(unknown.code).toBe('template_variable_unknown');
    expect(unknown.userMessage).toContain('{{client.diagnosis}}');
    const unused = await refusedWith({ ...EMAIL, variables: [...EMAIL.variables, 'homework'] });
    expect(unused.code).toBe('template_variable_unused');

    expect(await call(core, 'templates.saveTyped', EMAIL)).toMatchObject({
      type: 'email',
      version: 1,
    });
    const second = { ...EMAIL, subject: 'See you soon' };
    expect(await call(core, 'templates.saveTyped', second)).toMatchObject({ version: 2 });
    const versions = await call(core, 'templates.versions', { id: EMAIL.id });
    expect(versions.map((v) => [v.version, v.savedBy])).toEqual([
      [2, 'Dr Ada Byron'],
      [1, 'Dr Ada Byron'],
    ]);
    expect(versions[1]?.definition).toMatchObject({ subject: 'Our next session' });
    expect((await call(core, 'templates.ofType', { type: 'email' })).map((t) => t.id)).toEqual([
      'follow-up-homework',
      EMAIL.id,
    ]);
    // Email templates are never offered for notes, and a built-in cannot be changed.
    expect((await call(core, 'templates.list', {})).map((t) => t.id)).not.toContain(EMAIL.id);
    const builtIn = await rejection(
      call(core, 'templates.saveTyped', {
        ...EMAIL,
        id: 'follow-up-homework',
      }),
    );
    expect(builtIn.code).toBe('template_builtin');

    const followUp = await draft(sessionOn('2026-11-30'), EMAIL.id);
    expect(followUp).toMatchObject({
      templateId: EMAIL.id,
      templateVersion: 2,
      subject: 'See you soon',
    });
  });
});

describe('cairn followup', () => {
  it('drafts, writes the .eml and prints JSON; refuses a file that is not .eml', async () => {
    const file = path.join(temp.dir, 'cli.eml');
    const result = await runCairn(['followup', sessionOn('2026-11-30'), '--out', file, '--json'], {
      dataDir,
    });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { followUp: unknown; path: string };
    const followUp = FollowUp.parse(json.followUp);
    expect(followUp.status).toBe('exported');
    expect(json.path).toBe(file);
    expect((await simpleParser(readFileSync(file))).subject).toBe(followUp.subject);

    const bad = await runCairn(['followup', sessionOn('2026-11-30'), '--out', 'x.txt'], {
      dataDir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.eml');
  });
});
