import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  NoteTemplate,
  type NoteContent,
  type NoteGeneration,
  type NoteSection,
} from '../../shared/api/note-schemas';
import { ValidationError } from '../../electron/core/errors';
import { openDatabase, type Database } from '../../electron/core/store/open-database';
import { notes } from '../../electron/core/store/schema';
import { createSession } from '../../electron/core/store/repositories/sessions';
import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  saveTemplate,
  syncBuiltInTemplates,
} from '../../electron/core/store/repositories/note-templates';
import {
  getNote,
  noteOf,
  noteRevisions,
  notesOfSession,
  replaceSection,
  saveAiDraft,
  saveClinicianVersion,
} from '../../electron/core/store/repositories/notes';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';

const builtIn = (id: string): NoteTemplate =>
  NoteTemplate.parse(
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'resources/templates', `${id}.json`), 'utf8')),
  );

const practiceTemplate: NoteTemplate = {
  id: 'intake-short',
  name: 'Short intake',
  description: 'A practice template.',
  version: 1,
  sections: [{ key: 'reason', title: 'Reason', instruction: 'Why the client came.' }],
};

const generation: NoteGeneration = {
  provider: 'ollama',
  model: 'qwen3:8b',
  promptVersion: 'notes-v1',
  mode: 'direct',
  chunks: 1,
  promptTokens: 1200,
  generatedTokens: 300,
  promptMs: 900,
  generationMs: 4000,
  totalMs: 5000,
};

function section(key: string, text: string, origin: 'ai' | 'clinician' = 'ai'): NoteSection {
  return {
    key,
    title: key.charAt(0).toUpperCase() + key.slice(1),
    items: [
      {
        text,
        segmentIds: origin === 'ai' ? ['seg-1'] : [],
        quote: origin === 'ai' ? 'I slept badly' : '',
        fields: {},
        supported: true,
        problems: [],
        origin,
      },
    ],
  };
}

function soap(prefix: string): NoteContent {
  return {
    templateId: 'soap',
    templateVersion: 1,
    sections: ['subjective', 'objective', 'assessment', 'plan'].map((k) =>
      section(k, `${prefix} ${k}`),
    ),
  };
}

function expectValidation(work: () => unknown, code: string): void {
  let caught: unknown;
  try {
    work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  expect((caught as ValidationError).code).toBe(code);
}

describe('note templates store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let database: Database;
  beforeEach(() => {
    temp = makeTempDir();
    database = openDatabase({ file: path.join(temp.dir, 'cairn.db') });
  });
  afterEach(() => {
    database.close();
    temp.remove();
  });

  it('syncs built-ins idempotently, updates a newer version and keeps practice templates', () => {
    const { db } = database;
    const shipped = [builtIn('soap'), builtIn('dap')];
    syncBuiltInTemplates(db, shipped);
    saveTemplate(db, practiceTemplate);
    const first = listTemplates(db);
    syncBuiltInTemplates(db, shipped);
    expect(listTemplates(db)).toEqual(first);
    expect(first.map((t) => [t.id, t.builtIn])).toEqual([
      ['dap', true],
      ['soap', true],
      ['intake-short', false],
    ]);

    const newerSoap = { ...builtIn('soap'), version: 2, description: 'Revised SOAP.' };
    syncBuiltInTemplates(db, [newerSoap, builtIn('dap')]);
    expect(getTemplate(db, 'soap')).toEqual({ ...newerSoap, builtIn: true });
    expect(getTemplate(db, 'intake-short')).toEqual({ ...practiceTemplate, builtIn: false });
    expect(getTemplate(db, 'nope')).toBeUndefined();
  });

  it('saves practice templates, bumping the version, and refuses built-ins and invalid ones', () => {
    const { db } = database;
    syncBuiltInTemplates(db, [builtIn('soap')]);

    expectValidation(
      () => saveTemplate(db, { ...builtIn('soap'), name: 'Mine' }),
      'template_builtin',
    );
    expectValidation(() => deleteTemplate(db, 'soap'), 'template_builtin');
    expectValidation(
      () => saveTemplate(db, { ...practiceTemplate, sections: [] }),
      'template_invalid',
    );
    expect(getTemplate(db, 'soap')?.name).toBe('SOAP');

    expect(saveTemplate(db, practiceTemplate).version).toBe(1);
    const updated = saveTemplate(db, { ...practiceTemplate, name: 'Intake (short)' });
    expect(updated).toMatchObject({ id: 'intake-short', version: 2, builtIn: false });
    expect(getTemplate(db, 'intake-short')).toMatchObject({ name: 'Intake (short)', version: 2 });

    expect(deleteTemplate(db, 'intake-short')).toBe(true);
    expect(deleteTemplate(db, 'intake-short')).toBe(false);
  });
});

describe('notes store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let database: Database;
  let sessionId: string;
  beforeEach(() => {
    temp = makeTempDir();
    database = openDatabase({ file: path.join(temp.dir, 'cairn.db') });
    sessionId = createSession(database.db, {
      clientId: null,
      date: '2026-03-02',
      kind: 'individual',
    });
  });
  afterEach(() => {
    database.close();
    temp.remove();
  });

  const draft = (prefix: string) => ({
    sessionId,
    templateId: 'soap',
    content: soap(prefix),
    text: `${prefix} text`,
    generation,
    author: 'cairn',
  });

  it('keeps one note per session and template, with a revision per AI draft', () => {
    const { db } = database;
    const id = saveAiDraft(db, draft('first'));
    expect(saveAiDraft(db, draft('second'))).toBe(id);

    const note = noteOf(db, sessionId, 'soap');
    expect(note?.id).toBe(id);
    expect(note?.ai).toMatchObject({ content: soap('second'), text: 'second text', generation });
    expect(note?.clinician).toBeNull();
    expect(noteRevisions(db, id).map((r) => [r.version, r.reason, r.content])).toEqual([
      ['ai', 'ai_draft', soap('first')],
      ['ai', 'ai_draft', soap('second')],
    ]);
  });

  it("keeps the clinician's version separate from, and through, a new AI draft", () => {
    const { db } = database;
    const id = saveAiDraft(db, draft('first'));
    const edited = soap('clinician');
    saveClinicianVersion(db, { noteId: id, content: edited, text: 'edited', author: 'dr-a' });
    saveAiDraft(db, draft('second'));

    const note = getNote(db, id);
    expect(note?.ai?.content).toEqual(soap('second'));
    expect(note?.clinician).toMatchObject({ content: edited, text: 'edited' });
    expect(noteRevisions(db, id).map((r) => [r.version, r.reason, r.author])).toEqual([
      ['ai', 'ai_draft', 'cairn'],
      ['clinician', 'edit', 'dr-a'],
      ['ai', 'ai_draft', 'cairn'],
    ]);
    expectValidation(
      () => saveClinicianVersion(db, { noteId: 'nope', content: edited, text: '', author: 'x' }),
      'note_not_found',
    );
  });

  it("replaces one section in both versions and keeps the clinician's other edits", () => {
    const { db } = database;
    const id = saveAiDraft(db, draft('first'));
    const edited = soap('first');
    edited.sections[0] = section('subjective', 'Client reports poor sleep.', 'clinician');
    edited.sections[3] = section('plan', 'Sleep diary for two weeks.', 'clinician');
    saveClinicianVersion(db, { noteId: id, content: edited, text: 'edited', author: 'dr-a' });

    const fresh = section('assessment', 'Mood improving since last session.');
    replaceSection(db, {
      noteId: id,
      section: fresh,
      aiText: 'ai with new assessment',
      clinicianText: 'clinician with new assessment',
      generation: { ...generation, model: 'qwen3:14b' },
      author: 'cairn',
    });

    const note = getNote(db, id);
    const expectedAi = soap('first');
    expectedAi.sections[2] = fresh;
    expect(note?.ai?.content).toEqual(expectedAi);
    expect(note?.ai?.text).toBe('ai with new assessment');
    expect(note?.ai?.generation.model).toBe('qwen3:14b');
    const expectedClinician = structuredClone(edited);
    expectedClinician.sections[2] = fresh;
    expect(note?.clinician?.content).toEqual(expectedClinician);
    expect(note?.clinician?.text).toBe('clinician with new assessment');
    expect(noteRevisions(db, id).map((r) => [r.version, r.reason])).toEqual([
      ['ai', 'ai_draft'],
      ['clinician', 'edit'],
      ['ai', 'regenerate_section'],
      ['clinician', 'regenerate_section'],
    ]);

    const replacement = { noteId: id, aiText: '', clinicianText: '', generation, author: 'x' };
    expectValidation(
      () => replaceSection(db, { ...replacement, section: section('history', 'x') }),
      'note_section_unknown',
    );
    expectValidation(
      () => replaceSection(db, { ...replacement, noteId: 'nope', section: fresh }),
      'note_not_found',
    );
  });

  it('refuses every change to an approved note', () => {
    const { db } = database;
    const id = saveAiDraft(db, draft('first'));
    db.update(notes)
      .set({ status: 'approved', approvedAt: Date.now(), approvedBy: 'dr-a' })
      .where(eq(notes.id, id))
      .run();

    expectValidation(() => saveAiDraft(db, draft('second')), 'note_locked');
    expectValidation(
      () => saveClinicianVersion(db, { noteId: id, content: soap('x'), text: 'x', author: 'dr-a' }),
      'note_locked',
    );
    expectValidation(
      () =>
        replaceSection(db, {
          noteId: id,
          section: section('plan', 'x'),
          aiText: 'x',
          generation,
          author: 'cairn',
        }),
      'note_locked',
    );
    expect(getNote(db, id)?.ai?.content).toEqual(soap('first'));
    expect(noteRevisions(db, id)).toHaveLength(1);
  });

  it("joins a caller's transaction: a refusal inside it rolls back only its own work", () => {
    const { db } = database;
    const id = db.transaction((tx) => {
      const noteId = saveAiDraft(tx, draft('first'));
      expectValidation(
        () =>
          replaceSection(tx, {
            noteId,
            section: section('history', 'x'),
            aiText: '',
            generation,
            author: 'x',
          }),
        'note_section_unknown',
      );
      return noteId;
    });
    expect(getNote(db, id)?.ai?.content).toEqual(soap('first'));
    expect(() =>
      db.transaction((tx) => {
        saveAiDraft(tx, draft('second'));
        throw new Error('caller gave up');
      }),
    ).toThrow('caller gave up');
    expect(getNote(db, id)?.ai?.content).toEqual(soap('first'));
    expect(noteRevisions(db, id)).toHaveLength(1);
  });

  it("lists a session's notes, most recently drafted first", () => {
    const { db } = database;
    const other = createSession(db, { clientId: null, date: '2026-03-03', kind: 'individual' });
    const soapId = saveAiDraft(db, draft('first'));
    const dapId = saveAiDraft(db, { ...draft('dap'), templateId: 'dap' });
    saveAiDraft(db, { ...draft('other'), sessionId: other });
    db.update(notes).set({ aiUpdatedAt: 1000 }).where(eq(notes.id, soapId)).run();

    expect(notesOfSession(db, sessionId).map((n) => [n.id, n.templateId])).toEqual([
      [dapId, 'dap'],
      [soapId, 'soap'],
    ]);
    expect(notesOfSession(db, other)).toHaveLength(1);
  });
});
