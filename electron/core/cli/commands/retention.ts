import type { Command } from 'commander';
import { call } from '../call';
import type { CommandContext } from '../main';

/** `cairn retention sweep`: applies the retention policy now. */
export function registerRetentionCommands(program: Command, context: CommandContext): void {
  const retention = program
    .command('retention')
    .description('the retention policy for raw audio and transcripts (see cairn settings)');
  retention
    .command('sweep')
    .description('delete now what the retention policy says is due (skips sessions in a run)')
    .option('--dry-run', 'only list what would be deleted')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const result = await context.withCore((core) =>
        call(core, 'retention.sweep', { dryRun: options.dryRun ?? false }),
      );
      if (options.json) return context.io.out(JSON.stringify(result));
      const verb = result.dryRun ? 'Would delete' : 'Deleted';
      const { rawAudio, transcripts, graceDays } = result.policy;
      context.io.out(
        [
          `Policy: raw audio ${rawAudio}, transcripts ${transcripts}, grace ${graceDays} days.`,
          `${verb} the audio of ${result.audioDeleted.length} sessions and the transcripts of ${result.transcriptsDeleted.length}.`,
          ...(result.skippedBusy.length > 0
            ? [`Skipped ${result.skippedBusy.length} sessions being processed (next sweep).`]
            : []),
          ...(result.dryRun ? [] : [`Files removed: ${result.filesRemoved}.`]),
        ].join('\n'),
      );
    });
}
