import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { readSetting } from '../../config/settings';
import { PermanentError, ValidationError } from '../../errors';
import type { DbOrTx } from '../../store/repositories/types';
import { EmbeddedProvider } from './embedded-provider';
import { listOllamaModels, OllamaProvider } from './ollama-provider';
import type { LlmProvider, ProviderName } from './provider';

/**
 * The notes model the settings name (or the CLI overrides): Ollama at its loopback host, or a
 * GGUF file run inside Cairn. GGUF files live in `<models>/llm/`.
 */

export interface ProviderChoice {
  provider?: ProviderName;
  /** An Ollama model name, or a GGUF file (a name in `<models>/llm/`, or a path). */
  model?: string;
}

export function llmModelsDir(modelsDir: string): string {
  return path.join(modelsDir, 'llm');
}

/** GGUF files in `<models>/llm/`, sorted by name. */
export function installedGgufModels(modelsDir: string): string[] {
  try {
    return readdirSync(llmModelsDir(modelsDir))
      .filter((file) => file.toLowerCase().endsWith('.gguf'))
      .sort();
  } catch {
    return [];
  }
}

/** No model to write notes with: not a failure of the session, a setting to make. */
export class NoNotesModelError extends PermanentError {
  constructor(modelsDir: string) {
    super(
      'llm_not_configured',
      `No notes model is installed. Put a GGUF model in ${llmModelsDir(modelsDir)}, or choose Ollama in Settings.`,
    );
  }
}

export function resolveGgufPath(modelsDir: string, nameOrPath: string): string {
  if (nameOrPath === '') {
    const first = installedGgufModels(modelsDir)[0];
    if (!first) throw new NoNotesModelError(modelsDir);
    return path.join(llmModelsDir(modelsDir), first);
  }
  if (path.isAbsolute(nameOrPath) || nameOrPath.includes(path.sep)) return path.resolve(nameOrPath);
  return path.join(llmModelsDir(modelsDir), nameOrPath);
}

export function chooseProvider(
  db: DbOrTx,
  modelsDir: string,
  choice: ProviderChoice = {},
): LlmProvider {
  const provider = choice.provider ?? readSetting(db, 'notesProvider');
  const contextSize = readSetting(db, 'notesContextSize');
  if (provider === 'ollama')
    return new OllamaProvider({
      host: readSetting(db, 'ollamaHost'),
      model: choice.model ?? readSetting(db, 'ollamaModel'),
      numCtx: contextSize,
    });
  if (choice.model !== undefined && !choice.model.toLowerCase().endsWith('.gguf'))
    throw new ValidationError(
      'llm_model_invalid',
      `The embedded notes engine runs GGUF files; "${choice.model}" is not one. Use --provider ollama for an Ollama model.`,
    );
  return new EmbeddedProvider({
    modelPath: resolveGgufPath(modelsDir, choice.model ?? readSetting(db, 'embeddedModel')),
    contextSize,
    // Every core by default: notes run after transcription and diarization have finished.
    threads: readSetting(db, 'notesThreads') || availableParallelism(),
  });
}

export interface ProviderStatus {
  provider: ProviderName;
  ready: boolean;
  /** What is wrong and what to do next; empty when ready. */
  message: string;
  ollama: { host: string; reachable: boolean; models: string[] };
  embedded: { models: string[] };
}

/**
 * Whether notes can be written now, for Settings and the session page: if Ollama is chosen but
 * not running, say so and point at the embedded engine when a GGUF model is installed.
 */
export async function providerStatus(db: DbOrTx, modelsDir: string): Promise<ProviderStatus> {
  const provider = readSetting(db, 'notesProvider');
  const host = readSetting(db, 'ollamaHost');
  const embeddedModels = installedGgufModels(modelsDir);
  let ollamaModels: string[] = [];
  let reachable = false;
  let ollamaProblem = '';
  try {
    ollamaModels = (await listOllamaModels(host)).map((model) => model.name);
    reachable = true;
  } catch (error) {
    ollamaProblem = error instanceof Error ? error.message : String(error);
  }
  const status = {
    provider,
    ollama: { host, reachable, models: ollamaModels },
    embedded: { models: embeddedModels },
  };
  if (provider === 'ollama') {
    const model = readSetting(db, 'ollamaModel');
    if (!reachable) {
      const offer =
        embeddedModels.length > 0
          ? ` The embedded engine can write notes now with ${embeddedModels[0]}.`
          : '';
      return { ...status, ready: false, message: `${ollamaProblem}${offer}` };
    }
    if (!ollamaModels.includes(model) && !ollamaModels.includes(`${model}:latest`))
      return {
        ...status,
        ready: false,
        message: `Ollama does not have the model ${model}. Pull it in Settings, or choose another.`,
      };
    return { ...status, ready: true, message: '' };
  }
  try {
    const file = resolveGgufPath(modelsDir, readSetting(db, 'embeddedModel'));
    if (!existsSync(file))
      return {
        ...status,
        ready: false,
        message: `The notes model file ${path.basename(file)} is missing. Choose another in Settings.`,
      };
    return { ...status, ready: true, message: '' };
  } catch (error) {
    return { ...status, ready: false, message: error instanceof Error ? error.message : '' };
  }
}
