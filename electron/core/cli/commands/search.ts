import { Option, type Command } from 'commander';
import {
  SEARCH_MODES,
  SEARCH_SORTS,
  SEARCH_SOURCES,
  type SearchFilters,
  type SearchHit,
  type SearchResult,
} from '../../../../shared/api/search-schemas';
import { SESSION_KINDS } from '../../../../shared/domain/enums';
import { CancelledError, ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';

interface SearchOptions {
  client?: string;
  since?: string;
  until?: string;
  mode?: (typeof SEARCH_MODES)[number];
  sort?: (typeof SEARCH_SORTS)[number];
  source?: string;
  kind?: string;
  template?: string;
  hasRisk?: boolean;
  /** false with --no-risk (commander's negation). */
  risk?: boolean;
  limit?: string;
  json?: boolean;
}

/** `cairn search "<query>"`, `cairn search reindex`, `cairn search status`. */
export function registerSearchCommands(program: Command, context: CommandContext): void {
  const search = program
    .command('search')
    .description(
      'find words or meaning across transcripts, notes, plans and briefs ("a phrase", word*, NEAR(a b, 5), a OR b, -word)',
    )
    .argument('[query...]', 'what to look for')
    .option('--client <id>', 'only this client')
    .option('--since <YYYY-MM-DD>', 'only sessions on or after this day')
    .option('--until <YYYY-MM-DD>', 'only sessions on or before this day')
    .addOption(new Option('--mode <mode>', 'how to match').choices(SEARCH_MODES).default('hybrid'))
    .addOption(new Option('--sort <order>', 'order').choices(SEARCH_SORTS).default('relevance'))
    .option('--source <list>', `only these, comma-separated: ${SEARCH_SOURCES.join(', ')}`)
    .option('--kind <list>', `only sessions of these kinds: ${SESSION_KINDS.join(', ')}`)
    .option('--template <id>', 'only sessions whose note used this template')
    .option('--has-risk', 'only sessions with a risk flag')
    .option('--no-risk', 'only sessions without a risk flag')
    .option('--limit <n>', 'how many results (1–100)', '20')
    .option('--json', 'print machine-readable JSON')
    .action(async (words: string[], options: SearchOptions) => {
      const query = words.join(' ').trim();
      if (!query) throw new ValidationError('search_query_missing', 'Say what to look for.');
      const input = {
        query,
        filters: filtersOf(options),
        mode: options.mode ?? 'hybrid',
        sort: options.sort ?? 'relevance',
        limit: limitOf(options.limit),
        offset: 0,
      };
      const result = await context.withCore((core) => call(core, 'search.query', input));
      if (options.json) return context.io.out(JSON.stringify(result));
      context.io.out(formatResult(result, process.stdout.isTTY));
    });

  search
    .command('reindex')
    .description('rebuild the whole search index (resumes where it stopped if interrupted)')
    .option('--json', 'print machine-readable JSON')
    .action(async (_options: unknown, command: Command) => {
      const options = jsonOption(command);
      const started = performance.now();
      const status = await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          // Progress on stderr, so stdout carries only the answer.
          const progress = setInterval(() => {
            if (options.json) return;
            void call(core, 'search.status', {}).then(
              (now) => context.io.err(`Indexing: ${now.pending} left, ${now.documents} passages.`),
              () => undefined,
            );
          }, 2000);
          try {
            const cancelled = new Promise<never>((_, reject) =>
              signal.addEventListener('abort', () => reject(new CancelledError()), { once: true }),
            );
            const { runId } = await Promise.race([call(core, 'search.reindex', {}), cancelled]);
            return { runId, ...(await call(core, 'search.status', {})) };
          } finally {
            clearInterval(progress);
          }
        }),
      );
      const tookMs = Math.round(performance.now() - started);
      if (options.json) return context.io.out(JSON.stringify({ ...status, tookMs }));
      context.io.out(
        `Search index rebuilt: ${status.documents} passages, ${status.vectors} vectors, ` +
          `${formatBytes(status.sizeBytes)}, in ${(tookMs / 1000).toFixed(1)} s.`,
      );
    });

  search
    .command('status')
    .description('what the search index holds and what is still to index')
    .option('--json', 'print machine-readable JSON')
    .action(async (_options: unknown, command: Command) => {
      const options = jsonOption(command);
      const status = await context.withCore((core) => call(core, 'search.status', {}));
      if (options.json) return context.io.out(JSON.stringify(status));
      const rebuilt = status.lastRebuiltAt
        ? new Date(status.lastRebuiltAt).toISOString().slice(0, 16).replace('T', ' ')
        : 'never';
      context.io.out(
        [
          `Passages: ${status.documents}, vectors: ${status.vectors}, size: ${formatBytes(status.sizeBytes)}.`,
          `Still to index: ${status.pending}.`,
          status.encoder.available
            ? `Search by meaning: ${status.encoder.name}.`
            : 'Search by meaning: not installed (keyword search only).',
          `Last rebuilt: ${rebuilt}${status.rebuildRunId ? ' (a rebuild is under way)' : ''}.`,
        ].join('\n'),
      );
    });
}

/** `search status --json`: commander gives a --json after the subcommand to `search` itself. */
function jsonOption(command: Command): { json?: boolean } {
  return command.optsWithGlobals<{ json?: boolean }>();
}

function dayOption(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms))
    throw new ValidationError('search_day_invalid', `${flag} takes a day as YYYY-MM-DD.`);
  return ms;
}

function listOption<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((item) => item.trim());
  const wrong = items.filter((item) => !allowed.includes(item as T));
  if (wrong.length > 0 || items.length === 0)
    throw new ValidationError(
      'search_filter_invalid',
      `${flag} takes ${allowed.join(', ')} (comma-separated); not ${wrong.join(', ')}.`,
    );
  return items as T[];
}

function filtersOf(options: SearchOptions): SearchFilters {
  if (options.hasRisk && options.risk === false)
    throw new ValidationError('search_filter_invalid', 'Use --has-risk or --no-risk, not both.');
  return {
    clientId: options.client,
    from: dayOption(options.since, '--since'),
    to: dayOption(options.until, '--until'),
    sources: listOption(options.source, SEARCH_SOURCES, '--source'),
    sessionKinds: listOption(options.kind, SESSION_KINDS, '--kind'),
    templateId: options.template,
    hasRisk: options.hasRisk ? true : options.risk === false ? false : undefined,
  };
}

function limitOf(value: string | undefined): number {
  const n = Number(value ?? '20');
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new ValidationError(
      'search_limit_invalid',
      '--limit takes a whole number from 1 to 100.',
    );
  return n;
}

const SOURCE_WORDS = { note: 'Note', plan: 'Plan', brief: 'Brief' } as const;

/** Where the hit is, in words: "Client at 12:04", "Note, Assessment". */
function whereOf(hit: SearchHit): string {
  if (hit.source === 'transcript') {
    const at = hit.startMs === null ? '' : ` at ${clock(hit.startMs)}`;
    return `${hit.label ?? 'Transcript'}${at}`;
  }
  return hit.label ? `${SOURCE_WORDS[hit.source]}, ${hit.label}` : SOURCE_WORDS[hit.source];
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** One line per hit; matched words bold on a terminal, in [brackets] elsewhere. */
export function formatResult(result: SearchResult, tty: boolean): string {
  const mark = (text: string) => (tty ? `\u001b[1m${text}\u001b[22m` : `[${text}]`);
  const lines = result.hits.map((hit) => {
    const day = hit.date === null ? '          ' : new Date(hit.date).toISOString().slice(0, 10);
    const snippet = hit.snippet.map((p) => (p.highlight ? mark(p.text) : p.text)).join('');
    return `${day}  ${hit.clientName ?? 'No client'}  ${whereOf(hit)}: ${snippet.replace(/\s+/g, ' ')}`;
  });
  const shown = result.hits.length;
  const head =
    result.total === 0
      ? 'Nothing found.'
      : `${result.total} found${result.total > shown ? `, showing ${shown}` : ''} (${result.mode}).`;
  const notes = [
    ...(result.semantic.reason ? [result.semantic.reason] : []),
    ...(result.pending > 0 ? [`${result.pending} recent changes are still being indexed.`] : []),
  ];
  return [head, ...lines, ...notes].join('\n');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
