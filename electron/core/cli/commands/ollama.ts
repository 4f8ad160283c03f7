import type { Command } from 'commander';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';
import { progressReporter } from '../progress-line';

/** The Ollama that `cairn settings ollamaHost` names: its models, and downloading one. */
export function registerOllamaCommands(program: Command, context: CommandContext): void {
  const ollama = program
    .command('ollama')
    .description('the Ollama notes runtime (host: cairn settings ollamaHost)');
  ollama
    .command('models')
    .description('list the models installed in Ollama')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await context.withCore(async (core) => {
        const models = await call(core, 'ollama.models', {});
        if (options.json) {
          context.io.out(JSON.stringify(models));
          return;
        }
        context.io.out(
          formatTable(
            ['MODEL', 'SIZE'],
            models.map((m) => [m.name, `${(m.sizeBytes / 1e9).toFixed(1)} GB`]),
          ),
        );
      });
    });
  ollama
    .command('pull')
    .description('have Ollama download a model (Ollama goes online for this, because you asked)')
    .argument('<model>', 'e.g. llama3.1:8b')
    .action(async (model: string) => {
      await context.withCore(async (core) => {
        const progress = progressReporter();
        const unsubscribe = core.events.subscribe((message) => {
          if (message.name !== 'ollama.pullProgress') return;
          const line = message.payload as { status: string; completed?: number; total?: number };
          const percent = line.total ? ((line.completed ?? 0) / line.total) * 100 : 0;
          progress.update({ stage: null, percent, message: line.status, etaSec: null });
        });
        try {
          await call(core, 'ollama.pull', { model });
        } finally {
          progress.done();
          unsubscribe();
        }
        context.io.out(`${model} is ready in Ollama.`);
      });
    });
}
