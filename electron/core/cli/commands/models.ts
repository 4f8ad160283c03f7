import type { Command } from 'commander';
import {
  downloadModel,
  importModel,
  listModels,
  removeModel,
  resolveModelsDir,
} from '../../transcribe/models/model-store';
import { ValidationError } from '../../errors';
import { listOllamaModels } from '../../notes/llm/ollama-provider';
import {
  downloadNotesModel,
  listNotesModels,
  removeNotesModel,
} from '../../notes/models/notes-model-store';
import { recommendNotesModel, thisMachine } from '../../notes/models/recommend';
import { recommendWhisperModel } from '../../transcribe/models/recommend';
import { call } from '../call';
import { formatTable } from '../io';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';

const MB = 1024 * 1024;

export function registerModelCommands(program: Command, context: CommandContext): void {
  const models = program
    .command('models')
    .description('Whisper models: list, download, import, remove');
  const dir = () => resolveModelsDir(context.dataDir());

  models
    .command('list')
    .description('installed models and the ones Cairn can download')
    .option('--json', 'print machine-readable JSON')
    .option('--kind <kind>', 'whisper or notes', 'whisper')
    .action(async (options: { json?: boolean; kind: string }) => {
      if (kindOf(options.kind) === 'notes') return listNotes(context, dir(), options.json);
      const listing = await listModels(dir());
      // The library's language setting is not read here (listing needs no key), so the
      // suggestion is the multilingual model; Settings suggests the .en twin for English.
      const suggestion = recommendWhisperModel(thisMachine(), 'auto');
      const recommended = { name: suggestion.model.name, reason: suggestion.reason };
      if (options.json) {
        context.io.out(JSON.stringify({ dir: dir(), ...listing, recommended }));
        return;
      }
      context.io.out(`Models folder: ${dir()}\n`);
      const installed = new Set(listing.installed.map((m) => m.name));
      const imported = listing.installed.filter((m) => m.source === 'imported');
      context.io.out(
        formatTable(
          ['MODEL', 'SIZE', 'INSTALLED'],
          [
            ...listing.available.map((m) => [
              m.name === recommended.name ? `${m.name} (recommended)` : m.name,
              `${Math.round(m.sizeBytes / MB)} MB`,
              installed.has(m.name) ? 'yes' : '',
            ]),
            ...imported.map((m) => [
              m.name,
              `${Math.round(m.sizeBytes / MB)} MB`,
              'yes (imported)',
            ]),
          ],
        ),
      );
      context.io.out(`\nRecommended: ${recommended.name}. ${recommended.reason}`);
    });

  models
    .command('download')
    .description("download a model from whisper.cpp's model host (resumable, checksum-verified)")
    .argument('<name>', 'e.g. base, small.en, large-v3-turbo-q5_0, or qwen2.5-3b with --kind notes')
    .option('--kind <kind>', 'whisper or notes', 'whisper')
    .action(async (name: string, options: { kind: string }) => {
      const showProgress = process.stderr.isTTY;
      const download = kindOf(options.kind) === 'notes' ? downloadNotesModel : downloadModel;
      const target = await withInterruptSignal((signal) =>
        download(dir(), name, {
          signal,
          onProgress: showProgress
            ? (received, total) =>
                process.stderr.write(
                  `\r${(received / MB).toFixed(0)} MB${total ? ` of ${(total / MB).toFixed(0)} MB (${((100 * received) / total).toFixed(0)}%)` : ''}`,
                )
            : undefined,
        }),
      );
      if (showProgress) process.stderr.write('\r\x1b[K');
      context.io.out(`Model ready: ${target}`);
    });

  models
    .command('import')
    .description('copy a whisper.cpp model file from disk into the models folder')
    .argument('<file>', 'a ggml model file')
    .action(async (file: string) => {
      const model = await importModel(dir(), file);
      context.io.out(`Imported model "${model.name}" (${Math.round(model.sizeBytes / MB)} MB)`);
    });

  models
    .command('remove')
    .description('delete an installed model')
    .argument('<name>', 'an installed model')
    .option('--kind <kind>', 'whisper or notes', 'whisper')
    .action(async (name: string, options: { kind: string }) => {
      if (kindOf(options.kind) === 'notes') await removeNotesModel(dir(), name);
      else await removeModel(dir(), name);
      context.io.out(`Removed model "${name}"`);
    });
}

function kindOf(kind: string): 'whisper' | 'notes' {
  if (kind === 'whisper' || kind === 'notes') return kind;
  throw new ValidationError('invalid_kind', `--kind is whisper or notes, not "${kind}".`);
}

/** Notes models: the catalogue, installed GGUF files, the recommendation, and Ollama's models. */
async function listNotes(context: CommandContext, modelsDir: string, json?: boolean) {
  const listing = await listNotesModels(modelsDir);
  const recommendation = recommendNotesModel(thisMachine());
  const host = await context
    .withCore(async (core) => (await call(core, 'settings.get', {})).ollamaHost)
    .then(
      (value) => (typeof value === 'string' ? value : undefined),
      () => undefined,
    );
  // Ollama is optional: unreachable just means its models are not listed.
  const ollama = host
    ? await listOllamaModels(host).then(
        (models) => models.map((m) => m.name),
        () => null,
      )
    : null;
  const recommended = { name: recommendation.model.name, reason: recommendation.reason };
  if (json) {
    context.io.out(JSON.stringify({ ...listing, recommended, ollama: { host, models: ollama } }));
    return;
  }
  context.io.out(`Notes models folder: ${listing.dir}\n`);
  context.io.out(
    formatTable(
      ['MODEL', 'SIZE', 'RAM', 'CONTEXT', 'LICENCE', 'INSTALLED'],
      listing.available.map((m) => [
        m.name === recommended.name ? `${m.name} (recommended)` : m.name,
        `${Math.round(m.sizeBytes / MB)} MB`,
        `${Math.round(m.ramBytes / MB / 1024)} GB`,
        String(m.contextLength),
        m.licence,
        m.installed ? 'yes' : m.partialBytes > 0 ? 'partly (resumes)' : '',
      ]),
    ),
  );
  context.io.out(`\nRecommended: ${recommended.name}. ${recommended.reason}`);
  const others = listing.installed.filter((f) => !listing.available.some((m) => m.file === f.file));
  if (others.length > 0)
    context.io.out(`Other GGUF files: ${others.map((f) => f.file).join(', ')}`);
  if (ollama) context.io.out(`Ollama at ${host}: ${ollama.join(', ') || 'no models'}`);
}
