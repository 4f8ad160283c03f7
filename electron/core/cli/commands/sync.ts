import type { Command } from 'commander';
import type { SyncRunResult, SyncStatus } from '../../../../shared/api/sync-schemas';
import { PermanentError, TransientError, ValidationError } from '../../errors';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

interface JsonOption {
  json?: boolean;
}

function describeStatus(status: SyncStatus): string {
  const { pending, uploaded, blocked } = status.counts;
  const lines = [
    `Sharing (S3): ${status.enabled ? 'on' : 'off'}`,
    `pending ${pending}, uploaded ${uploaded}, blocked ${blocked}`,
  ];
  if (status.lastError) lines.push(`last error: ${status.lastError.message}`);
  if (status.nextStep && status.nextStep !== status.lastError?.message)
    lines.push(`next step: ${status.nextStep}`);
  if (status.blocked.length > 0)
    lines.push(
      '',
      formatTable(
        ['BLOCKED ITEM', 'SESSION', 'FOUND'],
        status.blocked.map((b) => [b.itemId, b.sessionId, b.categories.join(', ')]),
      ),
    );
  return lines.join('\n');
}

function describeRun(result: SyncRunResult): string {
  const parts = [
    `uploaded ${result.uploaded}`,
    `blocked ${result.blocked}`,
    `failed ${result.failed}`,
    `still pending ${result.pending}`,
  ];
  if (result.enqueued > 0) parts.unshift(`queued ${result.enqueued}`);
  return parts.join(', ');
}

export function registerSyncCommands(program: Command, context: CommandContext): void {
  const sync = program
    .command('sync')
    .description(
      'share de-identified abstracts of approved sessions with the practice’s S3 bucket',
    );

  sync
    .command('status')
    .description('pending, uploaded and blocked abstracts, and the last error')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: JsonOption) => {
      const status = await context.withCore((core) => call(core, 'sync.status', {}));
      context.io.out(options.json ? JSON.stringify(status) : describeStatus(status));
    });

  sync
    .command('run')
    .description('upload every pending abstract now (blocked ones never leave), then exit')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: JsonOption) => {
      const result = await context.withCore((core) => call(core, 'sync.run', {}));
      context.io.out(options.json ? JSON.stringify(result) : describeRun(result));
      if (result.blocked > 0)
        context.io.err(
          `cairn: ${result.blocked} abstract${result.blocked === 1 ? ' was' : 's were'} blocked: identifiers remained, so ${result.blocked === 1 ? 'it stays' : 'they stay'} on this computer (cairn sync status lists them).`,
        );
      // Items that could not be sent make the exit code say so; blocked ones were handled.
      if (result.error && result.failed + result.pending > 0) {
        const { code, message } = result.error;
        if (code === 'sync_not_configured' || code === 'sync_refused')
          throw new ValidationError(code, message);
        if (code === 'sync_unreachable') throw new TransientError(code, message);
        throw new PermanentError(code, message);
      }
    });
}
