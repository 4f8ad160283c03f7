import type { Command } from 'commander';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

interface JsonOption {
  json?: boolean;
}

export function registerSessionCommands(program: Command, context: CommandContext): void {
  program
    .command('sessions')
    .description('list sessions, newest first')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: JsonOption) => {
      const sessions = await context.withCore((core) => call(core, 'sessions.list', {}));
      if (options.json) {
        context.io.out(JSON.stringify(sessions));
        return;
      }
      if (sessions.length === 0) {
        context.io.out('No sessions yet. Add one with: cairn import <file> --client NAME');
        return;
      }
      context.io.out(
        formatTable(
          ['ID', 'DATE', 'CLIENT', 'KIND', 'STATUS'],
          sessions.map((s) => [s.id, s.date, s.clientName ?? '—', s.kind, s.status]),
        ),
      );
    });

  program
    .command('show')
    .description('show one session and its recording')
    .argument('<session-id>', 'the id printed by import or sessions')
    .option('--json', 'print machine-readable JSON')
    .action(async (id: string, options: JsonOption) => {
      const session = await context.withCore((core) => call(core, 'sessions.get', { id }));
      if (options.json) {
        context.io.out(JSON.stringify(session));
        return;
      }
      const recording = session.recording;
      const lines = [
        `Session   ${session.id}`,
        `Client    ${session.clientName ?? '—'}`,
        `Date      ${session.date}`,
        `Kind      ${session.kind}`,
        `Status    ${session.status}`,
        `Recording ${recording ? `${recording.originalName} (${recording.format}, ${formatBytes(recording.sizeBytes)})` : '—'}`,
      ];
      if (recording) lines.push(`SHA-256   ${recording.contentHash}`);
      context.io.out(lines.join('\n'));
    });
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit] ?? 'GB'}`;
}
