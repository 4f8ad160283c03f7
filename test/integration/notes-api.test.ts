import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteContent, NoteTemplate } from '../../shared/api/note-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { rejection } from '../helpers/errors';
import { makeTempDir } from '../helpers/fixtures';
import { STORED_DRAFT_GENERATION } from '../helpers/notes';

/** The review side of the API (notes, templates, settings) through the core's gate. */

const PRACTICE: NoteTemplate = {
  id: 'couples-brief',
  name: 'Couples brief',
  description: 'A short note for couples sessions.',
  version: 1,
  sections: [
    { key: 'themes', title: 'Themes', instruction: 'What the couple worked on.', required: true },
    { key: 'next_steps', title: 'Next steps', instruction: 'Agreed actions.' },
  ],
};

describe('notes, templates and settings through the API', () => {
  const temp = makeTempDir();
  let core: Core;
  beforeAll(async () => {
    core = await startCore({ dataDir: temp.dir, actor: 'dr-lee', transport: 'in-process' });
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  it('lists the built-in templates and keeps a practice’s own, refusing to change a built-in', async () => {
    const builtIns = await call(core, 'templates.list', {});
    expect(builtIns.map((t) => t.id).sort()).toEqual([
      'birp',
      'dap',
      'girp',
      'session-summary',
      'soap',
    ]);
    expect(builtIns.every((t) => t.builtIn)).toBe(true);

    expect(await call(core, 'templates.save', PRACTICE)).toMatchObject({
      id: 'couples-brief',
      builtIn: false,
      version: 1,
    });
    expect(await call(core, 'templates.get', { id: 'couples-brief' })).toMatchObject({
      name: 'Couples brief',
    });
    const refused = await rejection(call(core, 'templates.save', { ...PRACTICE, id: 'soap' }));
    expect(refused).toMatchObject({ category: 'validation', code: 'template_builtin' });
    const bad = await rejection(call(core, 'templates.save', { ...PRACTICE, sections: [] }));
    expect(bad.category).toBe('validation');
    expect(await call(core, 'templates.delete', { id: 'couples-brief' })).toEqual({
      deleted: true,
    });
  });

  it('validates settings by name and value', async () => {
    const settings = await call(core, 'settings.set', { name: 'notesProvider', value: 'ollama' });
    expect(settings).toMatchObject({ notesProvider: 'ollama', defaultTemplate: 'soap' });
    expect(
      await rejection(call(core, 'settings.set', { name: 'notesProvider', value: 'cloud' })),
    ).toMatchObject({
      code: 'setting_invalid',
    });
    expect(await rejection(call(core, 'settings.set', { name: 'nope', value: 1 }))).toMatchObject({
      code: 'setting_unknown',
    });
    await call(core, 'settings.set', { name: 'notesProvider', value: 'embedded' });
  });

  it('keeps the clinician’s version as a revision beside the untouched AI draft', async () => {
    const sessionId = createSession(core.database.db, {
      clientId: null,
      date: '2026-11-21',
      kind: 'couple',
    });
    const content: NoteContent = {
      templateId: 'soap',
      templateVersion: 1,
      sections: ['subjective', 'objective', 'assessment', 'plan'].map((key) => ({
        key,
        title: key,
        items: [
          {
            text: `AI ${key}`,
            segmentIds: ['x'],
            quote: 'q',
            fields: {},
            supported: false,
            problems: ['It cites a segment that does not exist.'],
            origin: 'ai' as const,
          },
        ],
      })),
    };
    const noteId = saveAiDraft(core.database.db, {
      sessionId,
      templateId: 'soap',
      content,
      text: 'AI',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });

    const edited: NoteContent = {
      ...content,
      sections: content.sections.map((s) => ({
        ...s,
        items: [
          {
            ...s.items[0],
            text: `Dr Lee ${s.key}`,
            origin: 'clinician' as const,
          } as (typeof s.items)[number],
        ],
      })),
    };
    const saved = await call(core, 'notes.saveClinicianVersion', { id: noteId, content: edited });
    expect(saved.ai?.content).toEqual(content);
    expect(saved.clinician?.content).toEqual(edited);
    expect(saved.clinician?.text).toContain('- Dr Lee plan');
    const listed = await call(core, 'notes.list', { sessionId });
    expect(listed.map((n) => n.id)).toEqual([noteId]);
    const revisions = await call(core, 'notes.revisions', { id: noteId });
    expect(revisions.map((r) => [r.version, r.reason, r.author])).toEqual([
      ['ai', 'ai_draft', 'cairn'],
      ['clinician', 'edit', 'dr-lee'],
    ]);
    expect(
      await rejection(call(core, 'notes.get', { id: '8d0f7a56-3c1e-4d2b-9a4f-0e6c5b7a8d91' })),
    ).toMatchObject({
      code: 'note_not_found',
    });
  });
});
