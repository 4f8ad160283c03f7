import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../electron/core/errors';
import { EmbeddedProvider } from '../../electron/core/notes/llm/embedded-provider';
import {
  builtInTemplates,
  outputSchemaFor,
} from '../../electron/core/notes/templates/note-template';
import { TEST_LLM_MODEL } from '../models/fetch-test-models';

const TRANSCRIPT = [
  '[s1] CLINICIAN: How have you been sleeping since we last met?',
  '[s2] CLIENT: Badly. I lie awake worrying about work most nights.',
  '[s3] CLINICIAN: Did the breathing exercise help at all?',
  '[s4] CLIENT: A little. I did it twice and felt calmer.',
  '[s5] CLINICIAN: Let us keep it going and add a wind-down routine before bed.',
].join('\n');

interface Item {
  text: unknown;
  segmentIds: unknown;
  quote: unknown;
}

/**
 * The embedded llama.cpp provider with a real model: SmolLM2-135M-Instruct (npm run
 * fetch:test-models). Its notes are poor (135M parameters); what is asserted is the runtime:
 * structured output that follows each template's schema, token counts, progress, cancel.
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

  for (const template of builtInTemplates()) {
    it(`writes ${template.name} output that follows the template's schema`, async () => {
      const progress: number[] = [];
      const result = await provider.generate({
        system: `Write the ${template.name} sections of a therapy note as JSON. Cite segment ids like s2.`,
        prompt: TRANSCRIPT,
        // Tight limits: a 135M model rambles, and bounded output always finishes within maxTokens.
        schema: outputSchemaFor(template, {
          segmentIds: ['s1', 's2', 's3', 's4', 's5'],
          limits: { maxItems: 1, maxTextLength: 60, maxQuoteLength: 40 },
        }),
        maxTokens: 1200,
        onProgress: ({ generatedTokens }) => progress.push(generatedTokens),
      });
      const note = result.json as Record<string, Item[]>;
      expect(Object.keys(note).sort()).toEqual(template.sections.map((s) => s.key).sort());
      for (const items of Object.values(note)) {
        expect(Array.isArray(items)).toBe(true);
        for (const item of items) {
          expect(typeof item.text).toBe('string');
          expect(Array.isArray(item.segmentIds) && item.segmentIds.length > 0).toBe(true);
          for (const id of item.segmentIds as unknown[])
            expect(['s1', 's2', 's3', 's4', 's5']).toContain(id);
          expect(typeof item.quote).toBe('string');
        }
      }
      expect(result).toMatchObject({ provider: 'embedded', model: path.basename(TEST_LLM_MODEL) });
      expect(result.promptTokens).toBeGreaterThan(50);
      expect(result.generatedTokens).toBeGreaterThan(5);
      expect(progress.length).toBeGreaterThan(0);
    }, 120_000);
  }

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
