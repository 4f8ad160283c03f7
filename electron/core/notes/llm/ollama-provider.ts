import { Ollama, type AbortableAsyncIterator, type ChatResponse } from 'ollama';
import {
  CairnError,
  CancelledError,
  PermanentError,
  TransientError,
  ValidationError,
} from '../../errors';
import {
  checkOllamaHost,
  DEFAULT_OLLAMA_HOST,
  guardedFetch,
  type HostOptions,
} from './ollama-host';

export { checkOllamaHost, DEFAULT_OLLAMA_HOST, type HostOptions };
import {
  LlmAnswerError,
  userTurn,
  type GenerateRequest,
  type GenerateResult,
  type LlmProvider,
} from './provider';

/**
 * Notes from a local Ollama server, through the official `ollama` client over loopback HTTP.
 * Session text is PHI, so this code only ever talks to the one configured host, and refuses a host
 * that is not this computer unless the caller says so explicitly.
 */

/** Big enough for a session's excerpts and a note; Ollama's own default (2048–4096) is not. */
export const DEFAULT_NUM_CTX = 8192;
const NANOSECONDS_PER_MS = 1_000_000;

export interface OllamaProviderOptions extends HostOptions {
  /** Default {@link DEFAULT_OLLAMA_HOST}. */
  host?: string;
  model: string;
  /** The context Cairn asks for; capped by the model's own. Default {@link DEFAULT_NUM_CTX}. */
  numCtx?: number;
  fetch?: typeof fetch;
}

export type OllamaModel = { name: string; sizeBytes: number };
/** One line of /api/pull: `completed` and `total` (bytes) while a layer downloads. */
export type PullProgress = { status: string; completed?: number; total?: number };

export class OllamaProvider implements LlmProvider {
  readonly name = 'ollama' as const;
  readonly model: string;
  readonly host: string;
  private readonly hostname: string;
  private readonly numCtx: number;
  private readonly baseFetch: typeof fetch;
  /** Aborted by close(): stops every request still in flight. */
  private closing = new AbortController();
  private contextSizeAnswer: Promise<number> | undefined;
  /**
   * Characters per token used to size prompts. Ollama has no tokenize endpoint: start at 3 (English
   * averages about 4, so this over-counts), and lower it when a prompt Ollama evaluated in full
   * shows this model's tokenizer is denser. It only ever lowers, so sizes only get safer.
   */
  private charsPerToken = 3;

  constructor(options: OllamaProviderOptions) {
    this.host = options.host ?? DEFAULT_OLLAMA_HOST;
    this.hostname = checkOllamaHost(this.host, options);
    if (options.model.trim() === '') {
      throw new ValidationError('llm_model_invalid', 'Choose an Ollama model to write notes with.');
    }
    this.model = options.model;
    this.numCtx = options.numCtx ?? DEFAULT_NUM_CTX;
    if (!Number.isInteger(this.numCtx) || this.numCtx <= 0) {
      throw new ValidationError(
        'llm_num_ctx_invalid',
        `The context size must be a whole number of tokens above 0, not ${this.numCtx}.`,
      );
    }
    this.baseFetch = options.fetch ?? fetch;
  }

  /** min(numCtx, the model's trained context), asked once (a failure is asked again next time). */
  contextSize(): Promise<number> {
    this.contextSizeAnswer ??= this.askContextSize().catch((error: unknown) => {
      this.contextSizeAnswer = undefined;
      throw error;
    });
    return this.contextSizeAnswer;
  }

  /**
   * An estimate: Ollama has no tokenize endpoint. Tokenizers average about 4 characters a token in
   * English; counting one per 3 over-estimates, so a prompt sized with it fits the context.
   */
  countTokens(text: string): Promise<number> {
    return Promise.resolve(Math.ceil(text.length / this.charsPerToken));
  }

  /** Learns from prompt_eval_count; a cached prefix makes the count small, which is ignored. */
  private learn(promptChars: number, evaluated: number | undefined): void {
    if (!evaluated || evaluated <= 0) return;
    const observed = promptChars / evaluated;
    if (observed < this.charsPerToken) this.charsPerToken = Math.max(1, observed * 0.9);
  }

  async generate(request: GenerateRequest): Promise<GenerateResult> {
    const { signal } = request;
    if (signal?.aborted === true) throw new CancelledError();
    const numCtx = await this.contextSize();
    const client = this.client(signal);
    // The fetch signal stops a request before its response starts; abort() stops a running stream.
    const stopStream = () => client.abort();
    signal?.addEventListener('abort', stopStream, { once: true });
    try {
      const stream = await client.chat({
        model: this.model,
        messages: [
          { role: 'system', content: request.system },
          { role: 'user', content: userTurn(request) },
        ],
        // Kept loaded between a note's steps, so its prompt cache (the shared prefix) still holds.
        keep_alive: '10m',
        format: request.schema,
        stream: true,
        // num_ctx always: Ollama silently cuts a prompt longer than its own small default.
        options: {
          num_ctx: numCtx,
          temperature: request.temperature ?? 0,
          ...(request.seed === undefined ? {} : { seed: request.seed }),
          num_predict: request.maxTokens,
        },
      });
      return await this.collect(stream, request);
    } catch (error) {
      throw this.toCairnError(error, signal);
    } finally {
      signal?.removeEventListener('abort', stopStream);
    }
  }

  close(): Promise<void> {
    this.closing.abort();
    this.closing = new AbortController();
    return Promise.resolve();
  }

  private client(signal?: AbortSignal): Ollama {
    return new Ollama({
      host: this.host,
      fetch: guardedFetch(this.baseFetch, this.hostname, [signal, this.closing.signal]),
    });
  }

  private async askContextSize(): Promise<number> {
    try {
      const shown = await this.client().show({ model: this.model });
      const trained = trainedContextLength(shown.model_info);
      return trained === undefined ? this.numCtx : Math.min(this.numCtx, trained);
    } catch (error) {
      throw this.toCairnError(error);
    }
  }

  private async collect(
    stream: AbortableAsyncIterator<ChatResponse>,
    request: GenerateRequest,
  ): Promise<GenerateResult> {
    const { maxTokens, onProgress } = request;
    let text = '';
    let chunksWithText = 0;
    let final: ChatResponse | undefined;
    // The client ends the iteration after the chunk marked done, which carries the counts.
    for await (const chunk of stream) {
      text += chunk.message.content;
      if (chunk.done) {
        final = chunk;
      } else if (chunk.message.content !== '') {
        // About one token a chunk: a good count until eval_count gives the real one.
        chunksWithText += 1;
        onProgress?.({ generatedTokens: chunksWithText, maxTokens, text: chunk.message.content });
      }
    }
    if (final === undefined) throw connectionLost(this.host);
    const generatedTokens = count(final.eval_count, chunksWithText);
    onProgress?.({ generatedTokens, maxTokens });
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw final.done_reason === 'length'
        ? new LlmAnswerError(
            'cut_off',
            `The model reached its limit of ${maxTokens ?? generatedTokens} tokens before finishing, so its answer is incomplete.`,
            { cause: error },
          )
        : new LlmAnswerError('invalid', `The model's answer was not valid JSON.`, { cause: error });
    }
    this.learn(request.system.length + userTurn(request).length, final.prompt_eval_count);
    return {
      text,
      json,
      model: this.model,
      provider: this.name,
      promptTokens: count(final.prompt_eval_count, 0),
      generatedTokens,
      promptMs: count(final.prompt_eval_duration, 0) / NANOSECONDS_PER_MS,
      generationMs: count(final.eval_duration, 0) / NANOSECONDS_PER_MS,
    };
  }

  private toCairnError(error: unknown, signal?: AbortSignal): CairnError {
    if (wasCancelled(error, signal)) return new CancelledError();
    return toOllamaError(error, this.host, this.model);
  }
}

/** The models installed in the Ollama at `host` (from /api/tags). */
export async function listOllamaModels(
  host: string,
  fetchImpl: typeof fetch = fetch,
  options: HostOptions = {},
): Promise<OllamaModel[]> {
  const hostname = checkOllamaHost(host, options);
  try {
    const client = new Ollama({ host, fetch: guardedFetch(fetchImpl, hostname, []) });
    const { models } = await client.list();
    return models.map((model) => ({ name: model.name, sizeBytes: model.size }));
  } catch (error) {
    throw toOllamaError(error, host);
  }
}

/**
 * Asks the Ollama at `host` to download `model`, reporting its progress lines. This is the one call
 * that makes Ollama (not Cairn) reach the internet, and only because the user asked for a model.
 */
export async function pullOllamaModel(
  host: string,
  model: string,
  onProgress: (progress: PullProgress) => void,
  signal?: AbortSignal,
  options: HostOptions & { fetch?: typeof fetch } = {},
): Promise<void> {
  const hostname = checkOllamaHost(host, options);
  if (signal?.aborted === true) throw new CancelledError();
  const fetchImpl = guardedFetch(options.fetch ?? fetch, hostname, [signal]);
  const client = new Ollama({ host, fetch: fetchImpl });
  const stopStream = () => client.abort();
  signal?.addEventListener('abort', stopStream, { once: true });
  try {
    const stream = await client.pull({ model, stream: true });
    let succeeded = false;
    for await (const line of stream) {
      onProgress({ status: line.status, completed: line.completed, total: line.total });
      succeeded = line.status === 'success';
    }
    if (!succeeded) throw connectionLost(host);
  } catch (error) {
    if (wasCancelled(error, signal)) throw new CancelledError();
    const mapped = toOllamaError(error, host);
    if (mapped.code !== 'llm_rejected' || httpStatusOf(error) !== undefined) throw mapped;
    // An error line in the stream: Ollama itself could not download from its registry.
    const detail = errorMessage(error);
    if (/file does not exist/i.test(detail)) {
      // A name the registry does not know is the user's input to correct: a validation error.
      throw new ValidationError(
        'llm_model_unknown',
        `Ollama found no model called ${model} to download. Check the name (e.g. llama3.2:3b).`,
        { cause: error },
      );
    }
    throw new TransientError(
      'llm_pull_failed',
      `Ollama could not download ${model} (${detail}). Check the internet connection and try again.`,
      { cause: error },
    );
  } finally {
    signal?.removeEventListener('abort', stopStream);
  }
}

/** `<architecture>.context_length` from /api/show's model_info (JSON: a plain object). */
function trainedContextLength(modelInfo: unknown): number | undefined {
  if (typeof modelInfo !== 'object' || modelInfo === null) return undefined;
  const info = modelInfo as Record<string, unknown>;
  const architecture = info['general.architecture'];
  const length =
    typeof architecture === 'string' ? info[`${architecture}.context_length`] : undefined;
  return typeof length === 'number' && Number.isInteger(length) && length > 0 ? length : undefined;
}

/** A count or duration from a final chunk; Ollama leaves some out (e.g. a prompt it had cached). */
function count(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

const UNREACHABLE_CODES = new Set(
  'ECONNREFUSED ECONNRESET EHOSTUNREACH ENETUNREACH ENOTFOUND EADDRNOTAVAIL EAI_AGAIN'.split(' '),
);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Turns what the client or fetch threw into the error a clinician sees. */
function toOllamaError(error: unknown, host: string, model?: string): CairnError {
  if (error instanceof CairnError) return error;
  const detail = errorMessage(error);
  const status = httpStatusOf(error);
  const code = networkCodeOf(error);
  const options = { cause: error };
  // Node's fetch says "terminated" when a response body is cut; the client, when a stream just ends.
  if (detail === 'terminated' || detail.includes('Did not receive done')) {
    return connectionLost(host, error);
  }
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return new TransientError(
      'llm_timeout',
      `Ollama at ${host} took too long to answer. The model may be too slow on this computer: try again, or choose a smaller model.`,
      options,
    );
  }
  if (detail === 'fetch failed' || (code !== undefined && UNREACHABLE_CODES.has(code))) {
    return new TransientError(
      'llm_unreachable',
      `Ollama is not running at ${host}. Start Ollama, or choose the embedded model in Settings.`,
      options,
    );
  }
  if (model !== undefined && (status === 404 || /model .* not found/i.test(detail))) {
    return new PermanentError(
      'llm_model_missing',
      `The model ${model} is not installed in Ollama. Pull it first (cairn ollama pull ${model}, or in Settings) or choose another.`,
      options,
    );
  }
  if ((status !== undefined && status >= 500) || /busy/i.test(detail)) {
    return new TransientError(
      'llm_busy',
      `Ollama at ${host} is busy or could not run the model right now (${detail}). Try again in a moment; if it keeps happening, restart Ollama.`,
      options,
    );
  }
  return new PermanentError('llm_rejected', `Ollama refused the request: ${detail}`, options);
}

function connectionLost(host: string, cause?: unknown): TransientError {
  return new TransientError(
    'llm_connection_lost',
    `The connection to Ollama at ${host} broke off before it finished. Try again; if it keeps happening, restart Ollama.`,
    { cause },
  );
}

/** The caller's signal fired, or close() aborted the request (fetch then throws an AbortError). */
function wasCancelled(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The client's ResponseError carries the HTTP status as `status_code` (it is not exported). */
function httpStatusOf(error: unknown): number | undefined {
  const status = error instanceof Error && 'status_code' in error ? error.status_code : undefined;
  return typeof status === 'number' ? status : undefined;
}

/** The system error code (ECONNREFUSED…) somewhere down fetch's `cause` chain. */
function networkCodeOf(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
