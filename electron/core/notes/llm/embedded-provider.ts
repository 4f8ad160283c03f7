import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { CancelledError, PermanentError } from '../../errors';
import {
  LlmAnswerError,
  userTurn,
  type GenerateRequest,
  type GenerateResult,
  type LlmProvider,
} from './provider';

export interface EmbeddedProviderOptions {
  /** A GGUF model file (from the models folder). */
  modelPath: string;
  /** The context Cairn asks for; capped by what the model was trained on. Default 8192. */
  contextSize?: number;
  /**
   * CPU threads. Always set: node-llama-cpp's default oversubscribed a 2-core machine and made
   * every token about 100× slower (measured with SmolLM2: 3 s a token instead of 20 ms).
   */
  threads?: number;
}

interface Loaded {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  /**
   * One sequence for every step, kept between them: node-llama-cpp compares a new prompt's tokens
   * with what the sequence holds and evaluates only what differs, so a transcript shared by the
   * steps of a note is evaluated once (a fresh sequence per step evaluated it once per section).
   */
  sequence: LlamaContextSequence;
}

/**
 * llama.cpp inside Cairn's own process, through node-llama-cpp's prebuilt CPU binaries: no server,
 * nothing listening, the model file read from disk. Output is constrained by a grammar built from
 * the JSON schema, so it always parses and has the schema's shape.
 */
export class EmbeddedProvider implements LlmProvider {
  readonly name = 'embedded' as const;
  readonly model: string;
  private loaded: Promise<Loaded> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EmbeddedProviderOptions) {
    this.model = path.basename(options.modelPath);
  }

  async contextSize(): Promise<number> {
    return (await this.load()).context.contextSize;
  }

  async countTokens(text: string): Promise<number> {
    return (await this.load()).model.tokenize(text).length;
  }

  /** One generation at a time: the context holds one sequence, and two would halve the speed. */
  generate(request: GenerateRequest): Promise<GenerateResult> {
    const turn = this.queue.then(() => this.generateNow(request));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async generateNow(request: GenerateRequest): Promise<GenerateResult> {
    if (request.signal?.aborted) throw new CancelledError();
    const { llama, model, sequence } = await this.load();
    const { LlamaChatSession } = await import('node-llama-cpp');
    // The session is only the chat template's wrapping; disposing it leaves the sequence (and
    // the evaluated prefix) for the next step.
    const session = new LlamaChatSession({
      contextSequence: sequence,
      systemPrompt: request.system,
      autoDisposeSequence: false,
    });
    try {
      // The schema is built at run time (from a template); node-llama-cpp types it from a literal.
      const grammar = await llama.createGrammarForJsonSchema(request.schema as never);
      const started = performance.now();
      const inputBefore = sequence.tokenMeter.usedInputTokens;
      let firstChunkAt: number | undefined;
      let generatedTokens = 0;
      const temperature = request.temperature ?? 0;
      const answer = await session.promptWithMeta(userTurn(request), {
        grammar,
        maxTokens: request.maxTokens,
        temperature,
        ...(temperature > 0 && request.seed !== undefined ? { seed: request.seed } : {}),
        signal: request.signal,
        onTextChunk: (chunk) => {
          firstChunkAt ??= performance.now();
          generatedTokens += model.tokenize(chunk).length;
          request.onProgress?.({ generatedTokens, maxTokens: request.maxTokens, text: chunk });
        },
      });
      const finished = performance.now();
      const text = answer.responseText;
      let json: unknown;
      try {
        json = grammar.parse(text);
      } catch (error) {
        throw answer.stopReason === 'maxTokens'
          ? new LlmAnswerError(
              'cut_off',
              `The notes model reached its limit of ${request.maxTokens ?? generatedTokens} tokens before finishing this part of the note.`,
              { cause: error },
            )
          : new LlmAnswerError('invalid', 'The notes model stopped before finishing its answer.', {
              cause: error,
            });
      }
      return {
        text,
        json,
        model: this.model,
        provider: this.name,
        promptTokens: sequence.tokenMeter.usedInputTokens - inputBefore,
        generatedTokens,
        promptMs: Math.round((firstChunkAt ?? finished) - started),
        generationMs: Math.round(finished - (firstChunkAt ?? finished)),
      };
    } catch (error) {
      if (request.signal?.aborted) throw new CancelledError();
      throw error;
    } finally {
      session.dispose();
    }
  }

  async close(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = undefined;
    if (!loaded) return;
    const { llama, model, context, sequence } = await loaded;
    await sequence.dispose();
    await context.dispose();
    await model.dispose();
    await llama.dispose();
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.loadModel().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  private async loadModel(): Promise<Loaded> {
    const { modelPath } = this.options;
    if (!existsSync(modelPath))
      throw new PermanentError(
        'llm_model_missing',
        `The notes model file ${path.basename(modelPath)} is not in the models folder. Add a GGUF model there, or choose Ollama in Settings.`,
      );
    // Dynamic import: the runtime is large and ESM-only; only notes need it.
    const { getLlama } = await import('node-llama-cpp');
    let llama: Llama;
    try {
      // Prebuilt CPU binaries only: never compile on a clinician's machine, never use a GPU driver.
      llama = await getLlama({ gpu: false, build: 'never', progressLogs: false });
    } catch (error) {
      throw new PermanentError(
        'llm_runtime_missing',
        'The embedded notes engine (llama.cpp) is not available for this computer. Choose Ollama in Settings.',
        { cause: error },
      );
    }
    try {
      const model = await llama.loadModel({ modelPath });
      const contextSize = Math.min(this.options.contextSize ?? 8192, model.trainContextSize);
      const context = await model.createContext({
        contextSize,
        threads: this.options.threads ?? availableParallelism(),
      });
      return { llama, model, context, sequence: context.getSequence() };
    } catch (error) {
      await llama.dispose();
      throw new PermanentError(
        'llm_model_unreadable',
        `The notes model ${path.basename(modelPath)} could not be loaded: it may be damaged or too large for this computer's memory.`,
        { cause: error },
      );
    }
  }
}
