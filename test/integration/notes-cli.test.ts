import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteContent, NoteGeneration } from '../../shared/api/note-schemas';
import { runCairn } from '../helpers/cli';
import { testDiarizationModels } from '../helpers/diarization-models';
import { makeTempDir } from '../helpers/fixtures';
import { soapAnswerWithBadCitations, testLlmModel } from '../helpers/notes';
import { startOllamaProtocolServer } from '../helpers/ollama-protocol-server';
import {
  pipelineEnv,
  processJson,
  processRecording,
  readLibrary,
  twoVoiceRecording,
} from '../helpers/pipeline';

interface NotesJson {
  noteId: string;
  sessionId: string;
  template: string;
  generation: NoteGeneration;
  content: NoteContent;
  text: string;
  unsupported: number;
  riskFlags: { kind: string; sources: string[] }[];
}

/**
 * `cairn notes` end to end: a generated recording processed by the real pipeline (whisper.cpp,
 * diarization), then its note written by SmolLM2 through the pipeline's notes stage.
 */
describe('cairn notes', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'library');
  let sessionId: string;
  let segmentIds: string[];
  const notes = (args: string[]) =>
    runCairn(['notes', sessionId, ...args], { dataDir, env: pipelineEnv() });

  beforeAll(async () => {
    testDiarizationModels();
    const processed = await processRecording(twoVoiceRecording(15, 6), dataDir, ['--skip-notes']);
    expect(processed.code, processed.stderr).toBe(0);
    const out = processJson(processed);
    sessionId = out.sessionId;
    segmentIds = out.transcript.map((line) => line.id);
    // One thread: other test files run beside this one (see notes.test.ts).
    const threads = await runCairn(['settings', 'notesThreads', '1'], { dataDir });
    expect(threads.code, threads.stderr).toBe(0);
  }, 300_000);
  afterAll(() => temp.remove());

  it('writes an extractive draft when no notes model is installed, and says so', async () => {
    const result = await notes(['--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as {
      generation: { mode: string; provider: string; warnings: string[] };
      text: string;
    };
    expect(out.generation).toMatchObject({ mode: 'extractive', provider: 'none' });
    expect(out.generation.warnings.join(' ')).toMatch(/No notes model is installed/);
    expect(out.text).toMatch(/Extractive draft — no language model/);
  }, 120_000);

  it('refuses an unknown template or session (exit 2) and writes nothing', async () => {
    const template = await notes(['--template', 'nope']);
    expect(template.code).toBe(2);
    expect(template.stderr).toMatch(/no note template called "nope"/);
    const unknown = await runCairn(['notes', '8d0f7a56-3c1e-4d2b-9a4f-0e6c5b7a8d91'], {
      dataDir,
    });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no session/i);
  }, 120_000);

  it('writes the SOAP draft with the embedded model: every statement cites the session', async () => {
    const result = await notes(['--provider', 'embedded', '--model', testLlmModel(), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as NotesJson;
    expect(out).toMatchObject({ sessionId, template: 'soap', unsupported: 0 });
    expect(out.generation).toMatchObject({ provider: 'embedded', mode: 'direct' });
    expect(out.content.sections.map((s) => s.key)).toEqual([
      'subjective',
      'objective',
      'assessment',
      'plan',
    ]);
    for (const item of out.content.sections.flatMap((s) => s.items)) {
      expect(item.supported).toBe(true);
      for (const id of item.segmentIds) expect(segmentIds).toContain(id);
    }
    expect(out.text).toMatch(/^SOAP\n\nSubjective\n- /);
  }, 600_000);

  it('writes another template as text, and keeps one note per template with its revisions', async () => {
    const result = await notes(['--template', 'session-summary', '--model', testLlmModel()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Summary for the client');
    expect(result.stdout).toMatch(/statements, 0 unverified · embedded SmolLM2/);
    const again = await notes(['--model', testLlmModel(), '--json']);
    expect(again.code, again.stderr).toBe(0);

    const db = readLibrary(dataDir);
    try {
      const rows = db.raw
        .prepare(
          'SELECT template, (SELECT count(*) FROM note_revisions r WHERE r.note_id = n.id) AS revisions FROM notes n ORDER BY template',
        )
        .all();
      expect(rows).toEqual([
        { template: 'session-summary', revisions: 1 },
        // The extractive draft (no model yet), then the model's draft, then this one.
        { template: 'soap', revisions: 3 },
      ]);
      // The audit log says a note was drafted, never what it says.
      const audit = JSON.stringify(db.raw.prepare('SELECT * FROM audit_log').all());
      expect(audit).toContain('note.drafted');
      const out = JSON.parse(again.stdout) as NotesJson;
      for (const word of out.text.split(/\W+/).filter((w) => w.length > 6))
        expect(audit).not.toContain(word);
    } finally {
      db.close();
    }
  }, 900_000);

  it('writes a note with Ollama (loopback protocol double), marking the citations that do not check out; lists and pulls models', async () => {
    const server = await startOllamaProtocolServer([
      { name: 'llama3.2:3b', sizeBytes: 2e9, contextLength: 131_072 },
    ]);
    try {
      server.behaviour.reply = soapAnswerWithBadCitations;
      server.behaviour.pullable = [{ name: 'qwen2.5:7b', sizeBytes: 4.7e9, contextLength: 32_768 }];
      expect((await runCairn(['settings', 'ollamaHost', server.url], { dataDir })).code).toBe(0);
      const result = await notes(['--provider', 'ollama', '--model', 'llama3.2:3b', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const out = JSON.parse(result.stdout) as NotesJson;
      expect(out.generation).toMatchObject({ provider: 'ollama', model: 'llama3.2:3b' });
      const byKey = Object.fromEntries(out.content.sections.map((s) => [s.key, s.items[0]]));
      expect(byKey.assessment?.supported).toBe(false);
      expect(byKey.objective?.supported).toBe(false);
      expect(out.unsupported).toBeGreaterThanOrEqual(2);
      expect(out.text).toContain('[unverified: check the transcript]');
      const chat = server.chatBodies()[0];
      expect(chat?.options).toMatchObject({ num_ctx: 8192 });

      const pulled = await runCairn(['ollama', 'pull', 'qwen2.5:7b'], { dataDir });
      expect(pulled.code, pulled.stderr).toBe(0);
      const listed = await runCairn(['ollama', 'models', '--json'], { dataDir });
      expect((JSON.parse(listed.stdout) as { name: string }[]).map((m) => m.name).sort()).toEqual([
        'llama3.2:3b',
        'qwen2.5:7b',
      ]);
      const unknown = await runCairn(['ollama', 'pull', 'no-such-model'], { dataDir });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/found no model called no-such-model/);
    } finally {
      await server.close();
    }
  }, 300_000);
});
