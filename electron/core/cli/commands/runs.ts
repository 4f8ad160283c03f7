import type { Command } from 'commander';
import { CancelledError, fromApiError } from '../../errors';
import { call } from '../call';
import { formatTable } from '../io';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { follow } from './process';
import { describeRun } from './run-format';

interface JsonOption {
  json?: boolean;
}

export function registerRunCommands(program: Command, context: CommandContext): void {
  program
    .command('runs')
    .description('list pipeline runs, newest first')
    .option('--json', 'print machine-readable JSON (with every stage)')
    .action(async (options: JsonOption) => {
      const runs = await context.withCore((core) => call(core, 'runs.list', {}));
      if (options.json) {
        context.io.out(JSON.stringify(runs));
        return;
      }
      if (runs.length === 0) {
        context.io.out('No runs yet. Process a recording with: cairn process <file>');
        return;
      }
      context.io.out(
        formatTable(
          ['RUN', 'SESSION', 'STATUS', 'STAGE', 'PROGRESS', 'ERROR'],
          runs.map((r) => [
            r.id,
            r.sessionId,
            r.status,
            r.currentStage ?? '—',
            `${r.progress.toFixed(0)}%`,
            r.errorMessage ?? '',
          ]),
        ),
      );
    });

  program
    .command('retry')
    .description(
      'run a failed or cancelled run again from its failed stage (earlier outputs are kept)',
    )
    .argument('<run>', 'the run id (cairn runs)')
    .option('--json', 'print machine-readable JSON')
    .action(async (id: string, options: JsonOption) => {
      const run = await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          await call(core, 'runs.retry', { id });
          return follow(core, id, signal, !options.json);
        }),
      );
      context.io.out(options.json ? JSON.stringify(run) : describeRun(run));
      if (run.status === 'failed' && run.errorCategory)
        throw fromApiError({
          category: run.errorCategory,
          code: 'run_failed',
          message: run.errorMessage ?? 'The run failed.',
        });
      if (run.status === 'cancelled') throw new CancelledError();
    });

  program
    .command('cancel')
    .description('cancel a queued or running run (its engine processes are stopped)')
    .argument('<run>', 'the run id (cairn runs)')
    .option('--json', 'print machine-readable JSON')
    .action(async (id: string, options: JsonOption) => {
      const run = await context.withCore((core) => call(core, 'runs.cancel', { id }));
      context.io.out(options.json ? JSON.stringify(run) : `Run ${run.id}: ${run.status}`);
    });
}
