import type { Command } from 'commander';
import {
  downloadModel,
  importModel,
  listModels,
  removeModel,
  resolveModelsDir,
} from '../../transcribe/models/model-store';
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
    .action(async (options: { json?: boolean }) => {
      const listing = await listModels(dir());
      if (options.json) {
        context.io.out(JSON.stringify({ dir: dir(), ...listing }));
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
              m.name,
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
    });

  models
    .command('download')
    .description("download a model from whisper.cpp's model host (resumable, checksum-verified)")
    .argument('<name>', 'e.g. base, small.en, large-v3-turbo-q5_0')
    .action(async (name: string) => {
      const showProgress = process.stderr.isTTY;
      const target = await withInterruptSignal((signal) =>
        downloadModel(dir(), name, {
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
    .action(async (name: string) => {
      await removeModel(dir(), name);
      context.io.out(`Removed model "${name}"`);
    });
}
