import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../electron/core/errors';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import {
  builtInTemplates,
  outputSchemaFor,
  type NoteTemplate,
} from '../../electron/core/notes/templates/note-template';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';

const TRANSCRIPT = [
  '[s1] CLINICIAN: How have you been sleeping since we last met?',
  '[s2] CLIENT: Badly. I lie awake worrying about work most nights.',
  '[s3] CLINICIAN: Did the breathing exercise help at all?',
  '[s4] CLIENT: A little. I did it twice and felt calmer.',
  '[s5] CLINICIAN: Let us keep it going and add a wind-down routine before bed.',
].join('\n');

/**
 * The embedded llama.cpp provider with a real model: SmolLM2-135M-Instruct (npm run
 * fetch:test-models). Its notes are poor (135M parameters); what is asserted is the runtime:
 * structured output that follows a schema, token counts, progress, cancel. Whole notes on this
 * model are tested in notes-generation.test.ts.
 */
describe('the embedded notes model (llama.cpp, SmolLM2-135M)', () => {
  let provider: EmbeddedProvider;
  beforeAll(() => {
    if (!existsSync(TEST_LLM_MODEL))
      throw new Error(
        `The SmolLM2 test model is missing at ${TEST_LLM_MODEL}: run npm run fetch:test-models`,
      );
    provider = new EmbeddedProvider({ modelPath: TEST_LLM_MODEL, contextSize: 4096, threads: 2 });
  });
  afterAll(() => provider.close());

  it('reports its context and counts tokens with the model’s tokenizer', async () => {
    expect(await provider.contextSize()).toBe(4096);
    const tokens = await provider.countTokens('I lie awake worrying about work.');
    expect(tokens).toBeGreaterThan(3);
    expect(tokens).toBeLessThan(20);
  }, 60_000);

  it('writes JSON that follows a schema, counting tokens and reporting progress', async () => {
    const progress: number[] = [];
    const template = builtInTemplates().find((t) => t.id === 'dap') as NoteTemplate;
    const evidence = ['[s2] Badly.', '[s2] I lie awake worrying about work most nights.'];
    const result = await provider.generate({
      system: 'Write the DAP sections of a therapy note as JSON.',
      prompt: TRANSCRIPT,
      schema: outputSchemaFor(template, {
        evidence,
        limits: { maxItems: 1, maxTextLength: 60, maxEvidence: 1 },
      }),
      maxTokens: 600,
      onProgress: ({ generatedTokens }) => progress.push(generatedTokens),
    });
    const note = result.json as Record<string, { evidence: string[]; text: string }[]>;
    expect(Object.keys(note).sort()).toEqual(['assessment', 'data', 'plan']);
    for (const items of Object.values(note)) {
      // DAP's sections are all required: at least one statement each, citing offered evidence.
      expect(items.length).toBe(1);
      expect(items[0]?.text.length).toBeLessThanOrEqual(60);
      for (const entry of items[0]?.evidence ?? []) expect(evidence).toContain(entry);
    }
    expect(result).toMatchObject({ provider: 'embedded', model: path.basename(TEST_LLM_MODEL) });
    expect(result.promptTokens).toBeGreaterThan(50);
    expect(result.generatedTokens).toBeGreaterThan(5);
    expect(progress.length).toBeGreaterThan(0);
  }, 300_000);

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = provider.generate({
      system: 'Write a long SOAP note as JSON.',
      prompt: TRANSCRIPT,
      schema: outputSchemaFor(builtInTemplates()[0] as never),
      maxTokens: 2000,
      signal: controller.signal,
      onProgress: ({ generatedTokens }) => {
        if (generatedTokens > 5) controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
  }, 60_000);

  it('says clearly when the model file is missing', async () => {
    const missing = new EmbeddedProvider({ modelPath: '/nonexistent/model.gguf', threads: 2 });
    await expect(missing.contextSize()).rejects.toMatchObject({
      code: 'llm_model_missing',
      category: 'permanent',
    });
  });
});
