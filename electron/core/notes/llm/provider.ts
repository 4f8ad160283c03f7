import { TransientError } from '../../errors';

/**
 * The one interface every local language model runtime implements (Ollama over loopback HTTP, or
 * llama.cpp embedded through node-llama-cpp). Notes code talks only to this.
 */

export type ProviderName = 'ollama' | 'embedded';

/** A JSON Schema object (draft 2020-12 subset: object, array, string, number, integer, boolean, enum). */
export type JsonSchema = Record<string, unknown>;

export interface GenerateRequest {
  /** Instructions: the task, the format, the rules. */
  system: string;
  /**
   * Data shared by several steps (the transcript, or the facts of a long session), sent first and
   * byte for byte the same each time, so the runtime evaluates it once and reuses its cache.
   */
  prefix?: string;
  /** This step's ask (or, without a prefix, the data and the ask together). */
  prompt: string;
  /** The output must be JSON valid against this schema (the runtime constrains generation). */
  schema: JsonSchema;
  /** Upper bound on generated tokens. */
  maxTokens?: number;
  /** Default 0: notes should be reproducible. */
  temperature?: number;
  /** For a retry with temperature above 0: a fixed seed keeps the retry reproducible too. */
  seed?: number;
  signal?: AbortSignal;
  /** Called as tokens arrive: generated so far (and the budget when known). */
  onProgress?: (progress: {
    generatedTokens: number;
    maxTokens?: number;
    /** The words just generated, for a caller that shows them as they come (a refinement). */
    text?: string;
  }) => void;
}

export interface GenerateResult {
  /** The raw text the model produced. */
  text: string;
  /** `text` parsed as JSON (already checked to parse; schema validation is the caller's job). */
  json: unknown;
  model: string;
  provider: ProviderName;
  /** Prompt tokens the runtime actually evaluated (a cached prefix is not counted again). */
  promptTokens: number;
  generatedTokens: number;
  /** Time to process the prompt, and to generate, in milliseconds (0 when the runtime does not say). */
  promptMs: number;
  generationMs: number;
}

/**
 * The model's answer cannot be used: cut off by maxTokens, or not valid JSON. Transient: the same
 * step asked again smaller (or with another seed) usually succeeds, so the caller retries it.
 */
export class LlmAnswerError extends TransientError {
  constructor(
    readonly reason: 'cut_off' | 'invalid',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(reason === 'cut_off' ? 'llm_cut_off' : 'llm_bad_json', message, options);
  }
}

/** The user turn as the model sees it: the shared prefix, then this step's ask. */
export function userTurn(request: Pick<GenerateRequest, 'prefix' | 'prompt'>): string {
  return request.prefix === undefined ? request.prompt : `${request.prefix}\n\n${request.prompt}`;
}

export interface LlmProvider {
  readonly name: ProviderName;
  /** The model this provider generates with. */
  readonly model: string;
  /**
   * The context window Cairn will use, in tokens: prompt and output must fit in it. (Ollama's own
   * default is small and it silently truncates longer prompts, so Cairn always sets it.)
   */
  contextSize(): Promise<number>;
  /** Tokens `text` takes for this model (exact where the runtime can tell, else a safe estimate). */
  countTokens(text: string): Promise<number>;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  /** Frees the model (embedded) or connections (Ollama). */
  close(): Promise<void>;
}
