import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CancelledError,
  PermanentError,
  TransientError,
  ValidationError,
} from '../../electron/core/errors';
import {
  OllamaProvider,
  checkOllamaHost,
  listOllamaModels,
  pullOllamaModel,
  type PullProgress,
} from '../../electron/core/notes/llm/ollama-provider';
import type { GenerateRequest } from '../../electron/core/notes/llm/provider';
import {
  fakePromptTokens,
  startOllamaProtocolServer,
  type ChatBody,
  type FakeModel,
  type OllamaProtocolServer,
} from '../helpers/ollama-protocol-server';
import { rejection } from '../helpers/errors';

/**
 * The Ollama provider against a loopback server speaking Ollama's HTTP protocol (a test double:
 * no Ollama server can be installed here). The real `ollama` client does the HTTP.
 */

const LLAMA: FakeModel = {
  name: 'llama3.2:3b',
  sizeBytes: 2_019_393_189,
  contextLength: 131_072,
  architecture: 'llama',
};
const SMALL: FakeModel = {
  name: 'smollm2:135m',
  sizeBytes: 270_898_672,
  contextLength: 2048,
  architecture: 'llama',
};
const QWEN: FakeModel = {
  name: 'qwen2.5:7b',
  sizeBytes: 4_683_087_332,
  contextLength: 32_768,
  architecture: 'qwen2',
};

const NOTE_SCHEMA = {
  type: 'object',
  properties: { summary: { type: 'string' }, themes: { type: 'array', items: { type: 'string' } } },
  required: ['summary', 'themes'],
};

/** A fetch that fails the test if anything tries to send a request. */
const noNetwork: typeof fetch = () => Promise.reject(new Error('no request may be sent'));

function noteRequest(overrides: Partial<GenerateRequest> = {}): GenerateRequest {
  return {
    system: 'Write a SOAP note as JSON.',
    prompt: 'Clinician: How did you sleep this week?\nClient: Badly, maybe four hours a night.',
    schema: NOTE_SCHEMA,
    maxTokens: 512,
    ...overrides,
  };
}

/** The model "answers" a note that echoes how long the user message was, as JSON. */
function echoNote(body: ChatBody): string {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  return JSON.stringify({ summary: `Read ${user.length} characters.`, themes: ['sleep'] });
}

/** A loopback port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('OllamaProvider against the loopback Ollama-protocol server', () => {
  let server: OllamaProtocolServer;
  const provider = (model = LLAMA.name, numCtx?: number) =>
    new OllamaProvider({ host: server.url, model, numCtx });

  beforeAll(async () => {
    server = await startOllamaProtocolServer([LLAMA, SMALL]);
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  it('generate returns the parsed JSON, token counts and timings from the final chunk', async () => {
    server.behaviour.reply = echoNote;
    const request = noteRequest();
    const result = await provider().generate(request);

    const [body] = server.chatBodies();
    if (!body) throw new Error('no chat request');
    expect(result.json).toEqual({
      summary: `Read ${request.prompt.length} characters.`,
      themes: ['sleep'],
    });
    expect(result.text).toBe(echoNote(body));
    expect(result).toMatchObject({ model: LLAMA.name, provider: 'ollama' });
    expect(result.promptTokens).toBe(fakePromptTokens(body));
    expect(result.generatedTokens).toBe(Math.ceil(result.text.length / 4)); // one per 4-char chunk
    expect(result.promptMs).toBe(250); // 250_000_000 ns
    expect(result.generationMs).toBe(1500);
  });

  it('always sends num_ctx, equal to contextSize(): numCtx capped by the model', async () => {
    server.behaviour.reply = echoNote;
    const big = provider(LLAMA.name); // default 8192 < 131072
    const small = provider(SMALL.name, 16_384); // the model's 2048 < 16384
    expect(await big.contextSize()).toBe(8192);
    expect(await small.contextSize()).toBe(2048);
    await big.generate(noteRequest({ maxTokens: 300 }));
    await small.generate(noteRequest({ maxTokens: undefined, temperature: 0.3 }));

    const [first, second] = server.chatBodies();
    expect(first?.options).toEqual({ num_ctx: 8192, temperature: 0, num_predict: 300 });
    expect(second?.options).toEqual({ num_ctx: 2048, temperature: 0.3 });
    expect(first?.messages).toEqual([
      { role: 'system', content: noteRequest().system },
      { role: 'user', content: noteRequest().prompt },
    ]);
    // /api/show was asked once per provider, not once per generate.
    expect(server.requests.filter((r) => r.path === '/api/show')).toHaveLength(2);
  });

  it('sends the request schema as format (structured outputs), streaming', async () => {
    server.behaviour.reply = echoNote;
    await provider().generate(noteRequest());
    const [body] = server.chatBodies();
    expect(body?.format).toEqual(NOTE_SCHEMA);
    expect(body?.stream).toBe(true);
    expect(body?.model).toBe(LLAMA.name);
  });

  it('reports progress as chunks arrive, ending on the eval_count', async () => {
    server.behaviour.reply = () => JSON.stringify({ summary: 'x'.repeat(80), themes: [] });
    const seen: { generatedTokens: number; maxTokens?: number; text?: string }[] = [];
    const result = await provider().generate(
      noteRequest({ maxTokens: 256, onProgress: (p) => seen.push(p) }),
    );
    expect(seen.length).toBeGreaterThan(10);
    const counts = seen.map((p) => p.generatedTokens);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(result.generatedTokens);
    expect(seen.every((p) => p.maxTokens === 256)).toBe(true);
    // The words come with the counts, for a caller that shows them as they arrive (refinement).
    expect(seen.map((p) => p.text ?? '').join('')).toBe(result.text);
  });

  it('cancelling mid-stream rejects quickly with CancelledError and closes the connection', async () => {
    server.behaviour.reply = () => JSON.stringify({ summary: 'y'.repeat(4000), themes: [] });
    server.behaviour.chunkDelayMs = 20; // ~1000 chunks: 20 s if it ran to the end
    const controller = new AbortController();
    let startedAt = 0;
    const generating = provider().generate(
      noteRequest({
        signal: controller.signal,
        onProgress: ({ generatedTokens }) => {
          if (generatedTokens === 3) {
            startedAt = Date.now();
            controller.abort();
          }
        },
      }),
    );
    const error = await rejection(generating);
    expect(error).toBeInstanceOf(CancelledError);
    // The stream would run for 20 s; stopping well before that (with room for a busy CI) is the point.
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const chat = server.requests.find((r) => r.path === '/api/chat');
    expect(await chat?.outcome).toBe('closed-by-client');
  });

  it('a signal already aborted rejects with CancelledError without sending a request', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(provider().generate(noteRequest({ signal: controller.signal })));
    expect(error).toBeInstanceOf(CancelledError);
    expect(server.requests).toHaveLength(0);
  });

  it('no server at the host: llm_unreachable, transient, naming the host', async () => {
    const host = `http://127.0.0.1:${await closedPort()}`;
    const error = await rejection(
      new OllamaProvider({ host, model: LLAMA.name }).generate(noteRequest()),
    );
    expect(error).toBeInstanceOf(TransientError);
    expect(error.code).toBe('llm_unreachable');
    expect(error.userMessage).toBe(
      `Ollama is not running at ${host}. Start Ollama, or choose the embedded model in Settings.`,
    );
    expect((await rejection(listOllamaModels(host))).code).toBe('llm_unreachable');
  });

  it('a model Ollama does not have (404): llm_model_missing, permanent', async () => {
    const error = await rejection(provider('mistral:7b').generate(noteRequest()));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.code).toBe('llm_model_missing');
    expect(error.userMessage).toBe(
      'The model mistral:7b is not installed in Ollama. Pull it first (cairn ollama pull mistral:7b, or in Settings) or choose another.',
    );
  });

  it('a model removed after contextSize() was known: the chat 404 is llm_model_missing too', async () => {
    const llama = provider();
    await llama.contextSize();
    server.models.delete(LLAMA.name);
    const error = await rejection(llama.generate(noteRequest()));
    expect(error).toBeInstanceOf(PermanentError);
    expect(error.code).toBe('llm_model_missing');
  });

  it('a busy server (503): llm_busy, transient', async () => {
    server.behaviour.busy = true;
    const error = await rejection(provider().generate(noteRequest()));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.code).toBe('llm_busy');
    expect(error.userMessage).toContain('busy');
  });

  it('content that is not JSON: llm_bad_json, transient', async () => {
    server.behaviour.reply = () => '{"summary": "The client said';
    const error = await rejection(provider().generate(noteRequest()));
    expect(error).toBeInstanceOf(TransientError);
    expect(error.code).toBe('llm_bad_json');
  });

  it('lists installed models with their sizes (/api/tags)', async () => {
    expect(await listOllamaModels(server.url)).toEqual([
      { name: LLAMA.name, sizeBytes: LLAMA.sizeBytes },
      { name: SMALL.name, sizeBytes: SMALL.sizeBytes },
    ]);
  });

  it('pulls a model with streamed progress, after which it is listed', async () => {
    server.behaviour.pullable = [QWEN];
    const progress: PullProgress[] = [];
    await pullOllamaModel(server.url, QWEN.name, (p) => progress.push(p));

    expect(progress[0]?.status).toBe('pulling manifest');
    expect(progress.at(-1)?.status).toBe('success');
    const downloads = progress.filter((p) => p.total !== undefined);
    expect(downloads.map((p) => p.completed)).toEqual([
      0,
      Math.floor(QWEN.sizeBytes / 2),
      QWEN.sizeBytes,
    ]);
    expect(downloads.every((p) => p.total === QWEN.sizeBytes)).toBe(true);
    expect(server.requests.find((r) => r.path === '/api/pull')?.body).toMatchObject({
      name: QWEN.name,
      stream: true,
    });
    expect((await listOllamaModels(server.url)).map((m) => m.name)).toContain(QWEN.name);
  });

  it('pulling a name the registry does not have: llm_model_unknown, bad input', async () => {
    const error = await rejection(pullOllamaModel(server.url, 'no-such-model', () => undefined));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('llm_model_unknown');
  });

  it('cancelling a pull rejects with CancelledError and closes the connection', async () => {
    server.behaviour.pullable = [QWEN];
    server.behaviour.chunkDelayMs = 2000;
    const controller = new AbortController();
    const pulling = pullOllamaModel(
      server.url,
      QWEN.name,
      () => controller.abort(),
      controller.signal,
    );
    expect(await rejection(pulling)).toBeInstanceOf(CancelledError);
    expect(await server.requests.find((r) => r.path === '/api/pull')?.outcome).toBe(
      'closed-by-client',
    );
    expect(server.models.has(QWEN.name)).toBe(false);
  });

  it('refuses a host that is not loopback (llm_host_not_local) before sending anything', async () => {
    for (const host of [
      'http://192.168.1.20:11434',
      'http://10.0.0.5:11434',
      'https://ollama.example.com',
      'ollama.example.com:11434',
      'http://[fe80::1]:11434',
    ]) {
      const construct = () => new OllamaProvider({ host, model: LLAMA.name, fetch: noNetwork });
      expect(construct).toThrow(ValidationError);
      expect(construct).toThrow(/only sends session text to an Ollama on this computer/);
      expect((await rejection(listOllamaModels(host, noNetwork))).code).toBe('llm_host_not_local');
      const pulling = pullOllamaModel(host, LLAMA.name, () => undefined, undefined, {
        fetch: noNetwork,
      });
      expect((await rejection(pulling)).code).toBe('llm_host_not_local');
    }
  });

  it('accepts every loopback form, and a remote host only when explicitly allowed', () => {
    for (const host of [
      'http://127.0.0.1:11434',
      'http://127.1.2.3:11434',
      'localhost:11434',
      'http://LOCALHOST:11434',
      'http://[::1]:11434',
      'http://[::ffff:127.0.0.1]:11434',
      ':11434',
    ]) {
      expect(() => checkOllamaHost(host)).not.toThrow();
    }
    expect(() =>
      checkOllamaHost('http://192.168.1.20:11434', { allowRemoteHost: true }),
    ).not.toThrow();
    expect(() => checkOllamaHost('ftp://127.0.0.1')).toThrow(ValidationError);
  });

  it('countTokens over-estimates (3 characters a token)', async () => {
    expect(await provider().countTokens('a'.repeat(300))).toBe(100);
    expect(await provider().countTokens('abcd')).toBe(2);
  });
});
