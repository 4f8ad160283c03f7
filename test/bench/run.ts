/**
 * `npm run bench -- <name…>`: benchmarks that report ratios measured side by side in one run
 * (machines are noisy; absolute times are printed for context only). Results are also written to
 * test/artifacts/bench-<name>.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deidBenchmark } from './deid';
import { diarizeBenchmark } from './diarize';
import { fileCryptoBenchmark } from './file-crypto';
import { notesBenchmark } from './notes';
import { pipelineBenchmark } from './pipeline';
import { preprocessBenchmark } from './preprocess';
import { transcribeBenchmark } from './transcribe';
import { uiBenchmark } from './ui';

const benchmarks: Record<string, () => unknown> = {
  deid: deidBenchmark,
  diarize: diarizeBenchmark,
  'file-crypto': fileCryptoBenchmark,
  notes: notesBenchmark,
  pipeline: pipelineBenchmark,
  preprocess: preprocessBenchmark,
  transcribe: transcribeBenchmark,
  ui: uiBenchmark,
};

async function main(): Promise<void> {
  // Benchmarks make throwaway libraries: a fresh key each run (CLI runs inherit it).
  process.env.CAIRN_DB_KEY ??= randomBytes(32).toString('hex');
  const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const selected = names.length > 0 ? names : Object.keys(benchmarks);
  for (const name of selected) {
    const run = benchmarks[name];
    if (!run) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benchmarks).join(', ')}`);
      process.exit(2);
    }
    console.log(`\n== ${name} ==`);
    const result = await run();
    const artifacts = path.resolve(__dirname, '../artifacts');
    mkdirSync(artifacts, { recursive: true });
    writeFileSync(path.join(artifacts, `bench-${name}.json`), JSON.stringify(result, null, 2));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
