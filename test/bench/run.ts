/**
 * `npm run bench -- <name…>`: benchmarks that report ratios measured side by side in one run
 * (machines are noisy; absolute times are printed for context only). Results are also written to
 * test/artifacts/bench-<name>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Loaded only when asked for: one benchmark's dependencies never stop another from running. */
const benchmarks: Record<string, () => Promise<() => unknown>> = {
  deid: async () => (await import('./deid')).deidBenchmark,
  diarize: async () => (await import('./diarize')).diarizeBenchmark,
  risk: async () => (await import('./risk')).riskBenchmark,
  search: async () => (await import('./search/bench')).searchBenchmark,
  'file-crypto': async () => (await import('./file-crypto')).fileCryptoBenchmark,
  notes: async () => (await import('./notes')).notesBenchmark,
  'notes-process': async () => (await import('./notes-process')).notesProcessBenchmark,
  'notes-quality': async () => (await import('./notes-quality')).notesQualityBenchmark,
  pipeline: async () => (await import('./pipeline')).pipelineBenchmark,
  preprocess: async () => (await import('./preprocess')).preprocessBenchmark,
  transcribe: async () => (await import('./transcribe')).transcribeBenchmark,
  ui: async () => (await import('./ui')).uiBenchmark,
  voice: async () => (await import('./voice')).voiceBenchmark,
  workflows: async () => (await import('./workflows')).workflowsBenchmark,
};

async function main(): Promise<void> {
  // Benchmarks make throwaway libraries: a fresh key each run (CLI runs inherit it).
  process.env.CAIRN_DB_KEY ??= randomBytes(32).toString('hex');
  // Options and their values (`--sessions 50`) are the benchmarks' own, not names.
  const names = process.argv
    .slice(2)
    .filter((arg, i, all) => !arg.startsWith('-') && all[i - 1] !== '--sessions');
  const selected = names.length > 0 ? names : Object.keys(benchmarks);
  for (const name of selected) {
    const load = benchmarks[name];
    if (!load) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benchmarks).join(', ')}`);
      process.exit(2);
    }
    console.log(`\n== ${name} ==`);
    const result = await (await load())();
    const artifacts = path.resolve(__dirname, '../artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(path.join(artifacts, `bench-${name}.json`), JSON.stringify(result, null, 2));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
