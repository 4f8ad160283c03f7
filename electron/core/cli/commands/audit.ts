import { InvalidArgumentError, Option, type Command } from 'commander';
import path from 'node:path';
import type { AuditFilter } from '../../../../shared/api/security-schemas';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

interface FilterOptions {
  entity?: string;
  entityId?: string;
  action?: string;
  since?: number;
  until?: number;
}

/** `cairn audit list|export`: the audit log from a terminal (ids and codes only, never content). */
export function registerAuditCommands(program: Command, context: CommandContext): void {
  const audit = program.command('audit').description('view and export the audit log');

  withFilters(
    audit
      .command('list', { isDefault: true })
      .description('the latest audit entries, newest first (the default)')
      .option('--limit <n>', 'how many entries (1–500)', parseLimit, 50)
      .option('--json', 'print machine-readable JSON'),
  ).action(async (options: FilterOptions & { limit: number; json?: boolean }) => {
    const page = await context.withCore((core) =>
      call(core, 'audit.list', { ...filterOf(options), limit: options.limit, offset: 0 }),
    );
    if (options.json) return context.io.out(JSON.stringify(page));
    if (page.entries.length === 0) return context.io.out('No audit entries match.');
    context.io.out(
      formatTable(
        ['ID', 'AT', 'ACTOR', 'ACTION', 'ENTITY', 'ENTITY ID', 'DETAIL'],
        page.entries.map((e) => [
          String(e.id),
          new Date(e.at).toISOString(),
          e.actor,
          e.action,
          e.entityType,
          e.entityId ?? '',
          e.detail ? JSON.stringify(e.detail) : '',
        ]),
      ),
    );
    if (page.total > page.entries.length)
      context.io.err(`${page.entries.length} of ${page.total} shown; --limit shows more.`);
  });

  withFilters(
    audit
      .command('export')
      .description('write every matching entry to a file (the export is itself audited)')
      .requiredOption('--out <file>', 'the file to write (.csv or .jsonl)')
      .addOption(
        new Option(
          '--format <format>',
          'csv or jsonl (default: from the file name, else csv)',
        ).choices(['csv', 'jsonl']),
      )
      .option('--json', 'print machine-readable JSON'),
  ).action(
    async (options: FilterOptions & { out: string; format?: 'csv' | 'jsonl'; json?: boolean }) => {
      const target = path.resolve(options.out);
      const format =
        options.format ?? (path.extname(target).toLowerCase() === '.jsonl' ? 'jsonl' : 'csv');
      const result = await context.withCore((core) =>
        call(core, 'audit.export', { ...filterOf(options), format, path: target }),
      );
      if (options.json)
        return context.io.out(JSON.stringify({ format, rows: result.rows, path: result.path }));
      context.io.out(`Wrote ${result.rows} audit entries to ${target} (${format}).`);
    },
  );
}

function withFilters(command: Command): Command {
  return command
    .option('--entity <type>', 'only this kind of record: session, note, client, access…')
    .option('--entity-id <id>', 'only this record')
    .option('--action <action>', 'only this action (note.edited), or a family of them (note.)')
    .option('--since <date>', 'from this date or time (YYYY-MM-DD, or ISO 8601)', parseDate)
    .option('--until <date>', 'up to this date or time', parseDate);
}

function filterOf(options: FilterOptions): AuditFilter {
  return {
    entityType: options.entity,
    entityId: options.entityId,
    action: options.action,
    from: options.since,
    to: options.until,
  };
}

function parseLimit(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 500)
    throw new InvalidArgumentError('must be a whole number from 1 to 500.');
  return parsed;
}

function parseDate(value: string): number {
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed))
    throw new InvalidArgumentError('must be a date such as 2025-03-31 or 2025-03-31T14:00.');
  return parsed;
}
