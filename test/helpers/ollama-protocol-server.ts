import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A TEST DOUBLE: a loopback server speaking Ollama's HTTP protocol, because no Ollama server can be
 * installed here. It implements only the endpoints Cairn uses (/api/tags, /api/show, /api/chat,
 * /api/pull) with the shapes real Ollama sends: NDJSON streams of chunks ending in one marked
 * `done` (or `status: "success"`), and JSON `{error}` bodies. It runs no model: what the "model"
 * answers is set by each test.
 */

export interface FakeModel {
  name: string;
  sizeBytes: number;
  /** Reported by /api/show as model_info["<architecture>.context_length"]. */
  contextLength: number;
  architecture?: string;
}

/** The parts of an /api/chat body the double reads (the whole body is recorded as sent). */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  format?: unknown;
  stream?: boolean;
  options?: Record<string, unknown>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  /** How the response ended: written to its end, or the client closed the connection first. */
  outcome: Promise<'completed' | 'closed-by-client'>;
}

export interface Behaviour {
  /** What the model answers to a chat request. */
  reply: (body: ChatBody) => string;
  /** Characters per streamed chunk (Ollama sends about one token a chunk). */
  chunkChars: number;
  /** Pause before each chunk, to make a slow stream. */
  chunkDelayMs: number;
  /** Answer /api/chat with 503, as Ollama does when its queue is full. */
  busy: boolean;
  /** Reported in the final chunk, in nanoseconds like Ollama. */
  promptEvalNs: number;
  evalNs: number;
  /** Models /api/pull can fetch (they are then installed). */
  pullable: FakeModel[];
}

export interface OllamaProtocolServer {
  url: string;
  requests: RecordedRequest[];
  /** Installed models by name; tests may add or remove. */
  models: Map<string, FakeModel>;
  behaviour: Behaviour;
  /** Every /api/chat body received, in order. */
  chatBodies(): ChatBody[];
  /** Back to the initial models and behaviour, and no recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const BUSY_MESSAGE = 'server busy, please try again.  maximum pending requests exceeded';

function defaultBehaviour(): Behaviour {
  return {
    reply: () => '{}',
    chunkChars: 4,
    chunkDelayMs: 0,
    busy: false,
    promptEvalNs: 250_000_000,
    evalNs: 1_500_000_000,
    pullable: [],
  };
}

/** What the double counts as prompt tokens: about 4 characters a token, like English text. */
export function fakePromptTokens(body: ChatBody): number {
  return Math.ceil(body.messages.reduce((sum, m) => sum + m.content.length, 0) / 4);
}

export async function startOllamaProtocolServer(
  initialModels: FakeModel[],
): Promise<OllamaProtocolServer> {
  const requests: RecordedRequest[] = [];
  const models = new Map(initialModels.map((m) => [m.name, m]));
  const state: OllamaProtocolServer = {
    url: '',
    requests,
    models,
    behaviour: defaultBehaviour(),
    chatBodies: () => requests.filter((r) => r.path === '/api/chat').map((r) => r.body as ChatBody),
    reset: () => {
      requests.length = 0;
      models.clear();
      for (const m of initialModels) models.set(m.name, m);
      state.behaviour = defaultBehaviour();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = createServer((request, response) => {
    // A test's reply function that throws becomes a 500, as a crashed Ollama runner would.
    handle(state, request, response).catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else sendError(response, 500, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

async function handle(
  state: OllamaProtocolServer,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://local').pathname;
  const outcome = new Promise<'completed' | 'closed-by-client'>((resolve) => {
    response.on('close', () =>
      resolve(response.writableFinished ? 'completed' : 'closed-by-client'),
    );
  });
  const body = await readJson(request);
  state.requests.push({ method: request.method ?? 'GET', path, body, outcome });
  if (body === INVALID) {
    sendError(response, 400, 'invalid request body');
    return;
  }
  const route = `${request.method ?? 'GET'} ${path}`;
  if (route === 'GET /api/tags') return sendJson(response, 200, tags(state));
  if (route === 'POST /api/show') return show(state, response, modelNameOf(body));
  if (route === 'POST /api/chat') return chat(state, response, body as ChatBody);
  if (route === 'POST /api/pull') return pull(state, response, modelNameOf(body));
  sendError(response, 404, `404 page not found`);
}

function tags(state: OllamaProtocolServer): unknown {
  return {
    models: [...state.models.values()].map((m) => ({
      name: m.name,
      model: m.name,
      modified_at: '2025-01-01T00:00:00Z',
      size: m.sizeBytes,
      digest: 'a'.repeat(64),
      details: details(m),
    })),
  };
}

function details(model: FakeModel): Record<string, unknown> {
  return {
    format: 'gguf',
    family: model.architecture ?? 'llama',
    parameter_size: '3.2B',
    quantization_level: 'Q4_K_M',
  };
}

function show(state: OllamaProtocolServer, response: ServerResponse, name: string): void {
  const model = state.models.get(name);
  if (!model) return sendError(response, 404, `model '${name}' not found`);
  const architecture = model.architecture ?? 'llama';
  sendJson(response, 200, {
    modelfile: `FROM ${name}`,
    parameters: '',
    template: '{{ .Prompt }}',
    details: details(model),
    model_info: {
      'general.architecture': architecture,
      'general.parameter_count': 3_212_749_888,
      [`${architecture}.context_length`]: model.contextLength,
      [`${architecture}.embedding_length`]: 3072,
    },
    capabilities: ['completion'],
    modified_at: '2025-01-01T00:00:00Z',
  });
}

async function chat(
  state: OllamaProtocolServer,
  response: ServerResponse,
  body: ChatBody,
): Promise<void> {
  const { behaviour } = state;
  if (!state.models.has(body.model))
    return sendError(response, 404, `model '${body.model}' not found`);
  if (behaviour.busy) return sendError(response, 503, BUSY_MESSAGE);
  const content = behaviour.reply(body);
  const pieces: string[] = [];
  for (let at = 0; at < content.length; at += behaviour.chunkChars) {
    pieces.push(content.slice(at, at + behaviour.chunkChars));
  }
  const base = { model: body.model, message: { role: 'assistant', content: '' } };
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  for (const piece of pieces) {
    if (behaviour.chunkDelayMs > 0) await sleep(behaviour.chunkDelayMs);
    if (response.destroyed) return; // the client went away: stop generating, like Ollama
    writeLine(response, {
      ...base,
      created_at: now(),
      message: { ...base.message, content: piece },
      done: false,
    });
  }
  writeLine(response, {
    ...base,
    created_at: now(),
    done: true,
    done_reason: 'stop',
    total_duration: behaviour.promptEvalNs + behaviour.evalNs + 5_000_000,
    load_duration: 5_000_000,
    prompt_eval_count: fakePromptTokens(body),
    prompt_eval_duration: behaviour.promptEvalNs,
    eval_count: pieces.length,
    eval_duration: behaviour.evalNs,
  });
  response.end();
}

async function pull(
  state: OllamaProtocolServer,
  response: ServerResponse,
  name: string,
): Promise<void> {
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  writeLine(response, { status: 'pulling manifest' });
  const model = state.behaviour.pullable.find((m) => m.name === name);
  if (!model) {
    // Real Ollama reports a pull failure as an error line inside the 200 stream.
    writeLine(response, { error: 'pull model manifest: file does not exist' });
    response.end();
    return;
  }
  const digest = `sha256:${'b'.repeat(64)}`;
  const total = model.sizeBytes;
  for (const completed of [0, Math.floor(total / 2), total]) {
    if (state.behaviour.chunkDelayMs > 0) await sleep(state.behaviour.chunkDelayMs);
    if (response.destroyed) return;
    writeLine(response, { status: `pulling ${digest.slice(7, 19)}`, digest, total, completed });
  }
  writeLine(response, { status: 'verifying sha256 digest' });
  writeLine(response, { status: 'writing manifest' });
  state.models.set(model.name, model);
  writeLine(response, { status: 'success' });
  response.end();
}

const INVALID = Symbol('invalid JSON body');

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID;
  }
}

/** Ollama accepts the model under `model` or the older `name` (the client sends `name` to pull). */
function modelNameOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const fields = body as Record<string, unknown>;
  const name = fields.model ?? fields.name;
  return typeof name === 'string' ? name : '';
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(value));
}

function sendError(response: ServerResponse, status: number, error: string): void {
  sendJson(response, status, { error });
}

function writeLine(response: ServerResponse, value: unknown): void {
  response.write(`${JSON.stringify(value)}\n`);
}

function now(): string {
  return new Date().toISOString();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
