import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteContent, NoteItem } from '../../shared/api/note-schemas';
import { startCore, type Core } from '../../electron/core/app/core';
import { call } from '../../electron/core/cli/call';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import type { GenerateRequest, LlmProvider } from '../../electron/core/notes/llm/provider';
import { voiceGuideFor } from '../../electron/core/notes/voice/voice-library';
import { regenerateSection } from '../../electron/core/notes/write-note';
import { saveAiDraft } from '../../electron/core/store/repositories/notes';
import { createSession, setSessionStatus } from '../../electron/core/store/repositories/sessions';
import { voiceExamplesOf } from '../../electron/core/store/repositories/voice-examples';
import { makeTempDir } from '../helpers/fixtures';
import {
  seedTranscript,
  SHORT_SESSION,
  STORED_DRAFT_GENERATION,
  testLlmModel,
} from '../helpers/notes';

const item = (text: string, origin: NoteItem['origin']): NoteItem => ({
  text,
  segmentIds: [],
  quote: '',
  fields: {},
  supported: true,
  problems: [],
  origin,
});

/** A SOAP note's sections as statements; the titles are the template's. */
function soap(sections: Record<string, string[]>, origin: NoteItem['origin']): NoteContent {
  const titles = {
    subjective: 'Subjective',
    objective: 'Objective',
    assessment: 'Assessment',
    plan: 'Plan',
  };
  return {
    templateId: 'soap',
    templateVersion: 1,
    sections: Object.entries(titles).map(([key, title]) => ({
      key,
      title,
      items: (sections[key] ?? []).map((text) => item(text, origin)),
    })),
  };
}

/**
 * The clinician's voice end to end on a real library: signing a note keeps the sections the
 * clinician rewrote; a new draft by the real embedded model (SmolLM2-135M) is shown the closest
 * examples in its section asks; the setting stops both; forgetting deletes and is audited.
 */
describe('the clinician voice', () => {
  const temp = makeTempDir();
  let core: Core;
  let clientId: string;

  beforeAll(async () => {
    core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'app:dr-lee',
      transport: 'in-process',
    });
    clientId = (await call(core, 'clients.create', { name: 'Voice Client' })).id;
  });
  afterAll(async () => {
    await core.shutdown();
    temp.remove();
  });

  /** A session whose AI draft the clinician edits, then signs. */
  async function sign(ai: Record<string, string[]>, final: Record<string, string[]>) {
    const db = core.database.db;
    const sessionId = createSession(db, { clientId, date: '2026-12-01', kind: 'individual' });
    setSessionStatus(db, sessionId, 'awaiting_review');
    seedTranscript(db, sessionId, SHORT_SESSION);
    const noteId = saveAiDraft(db, {
      sessionId,
      templateId: 'soap',
      content: soap(ai, 'ai'),
      text: '',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });
    await call(core, 'notes.saveClinicianVersion', {
      id: noteId,
      content: soap(final, 'clinician'),
    });
    await call(core, 'sessions.approve', { id: sessionId });
    return noteId;
  }

  it('keeps, at signing, each section the clinician rewrote (and only those)', async () => {
    const noteId = await sign(
      {
        subjective: ['The patient stated she sleeps badly and worries at night.'],
        objective: ['Tired.'],
        assessment: ['The patient may be anxious about work.'],
        plan: ['Continue the breathing exercise.'],
      },
      {
        subjective: ['Client reported she sleeps badly and worries at night.'],
        objective: [],
        assessment: ['Client is anxious about work.'],
        plan: ['Continue the breathing exercise.'],
      },
    );
    await sign(
      { subjective: ['The patient stated she drinks wine on weekends.'] },
      { subjective: ['Client reported she drinks wine on weekends.'] },
    );
    const kept = voiceExamplesOf(core.database.db, 'soap');
    // Newest first; the objective (emptied) and the plan (unchanged) are not examples.
    expect(kept.map((e) => [e.sectionKey, e.finalText])).toEqual([
      ['subjective', 'Client reported she drinks wine on weekends.'],
      ['assessment', 'Client is anxious about work.'],
      ['subjective', 'Client reported she sleeps badly and worries at night.'],
    ]);
    expect(
      kept
        .filter((e) => e.noteId === noteId)
        .map((e) => e.sectionKey)
        .sort(),
    ).toEqual(['assessment', 'subjective']);
    expect(kept.every((e) => e.author === 'app:dr-lee')).toBe(true);
    const profile = await call(core, 'voice.profile', {});
    expect(profile.enabled).toBe(true);
    expect(profile.templates).toEqual([
      expect.objectContaining({ templateId: 'soap', templateName: 'SOAP', examples: 3 }),
    ]);
    expect(profile.templates[0]?.words).toContain('"client reported" for "the patient stated"');
  });

  it('shows the model the closest examples in the section ask, and rewords its draft', async () => {
    const db = core.database.db;
    const sessionId = createSession(db, { clientId, date: '2026-12-08', kind: 'individual' });
    seedTranscript(db, sessionId, SHORT_SESSION);
    const noteId = saveAiDraft(db, {
      sessionId,
      templateId: 'soap',
      content: soap({}, 'ai'),
      text: '',
      generation: STORED_DRAFT_GENERATION,
      author: 'cairn',
    });
    const real = new EmbeddedProvider({ modelPath: testLlmModel(), contextSize: 4096, threads: 1 });
    const asks: string[] = [];
    // The real model, with its asks recorded on the way through.
    const provider: LlmProvider = Object.assign(Object.create(real) as LlmProvider, {
      generate: (request: GenerateRequest) => {
        asks.push(request.prompt);
        return real.generate(request);
      },
    });
    try {
      // One section written again (one model step): the same way into generation as a new note.
      const note = await regenerateSection({
        db,
        noteId,
        sectionKey: 'subjective',
        provider,
        actor: 'app:dr-lee',
      });
      const ask = asks[0] ?? '';
      expect(ask).toMatch(/^Write only the subjective section/);
      // The session is about sleep: the sleep example comes before the wine one.
      const sleep = ask.indexOf('Signed: Client reported she sleeps badly');
      expect(sleep).toBeGreaterThan(0);
      expect(sleep).toBeLessThan(ask.indexOf('wine'));
      expect(ask).toMatch(/This clinician writes about \d+ words a statement/);
      expect(note.ai?.generation.voice).toEqual(
        expect.objectContaining({ examples: 3, sectionsWithExamples: 1 }),
      );
      const statements = note.ai?.content.sections.flatMap((s) => s.items) ?? [];
      expect(statements.some((s) => s.origin === 'ai')).toBe(true);
      expect(statements.filter((s) => s.origin === 'ai' && /patient stated/i.test(s.text))).toEqual(
        [],
      );
    } finally {
      await real.close();
    }
  }, 120_000);

  it('learns nothing and uses nothing while the setting is off', async () => {
    await call(core, 'settings.set', { name: 'voiceLearning', value: false });
    await sign({ subjective: ['The patient stated X.'] }, { subjective: ['Client reported X.'] });
    expect(voiceExamplesOf(core.database.db, 'soap')).toHaveLength(3);
    expect(voiceGuideFor(core.database.db, 'soap')).toBeNull();
    expect((await call(core, 'voice.profile', {})).enabled).toBe(false);
    await call(core, 'settings.set', { name: 'voiceLearning', value: true });
    expect(voiceGuideFor(core.database.db, 'soap')?.examples).toBe(3);
  });

  it('forgets what it learned, and the audit log says so', async () => {
    expect(await call(core, 'voice.forget', {})).toEqual({ deleted: 3 });
    expect(voiceExamplesOf(core.database.db, 'soap')).toEqual([]);
    expect((await call(core, 'voice.profile', {})).templates).toEqual([]);
    const { entries } = await call(core, 'audit.list', { limit: 20 });
    expect(entries.find((e) => e.action === 'voice.forgotten')).toEqual(
      expect.objectContaining({ actor: 'app:dr-lee', detail: { examples: 3 } }),
    );
  });
});
