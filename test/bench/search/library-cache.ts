/**
 * The generated library is kept outside git, in ~/.cache/cairn/bench/, with its own key: a
 * second run skips the minutes of generation and the long embedding of 8 M words. The directory
 * is named by the generator's version and the library's size. The index is kept too: a newer
 * engine catches up through its own queue (what it re-queues on opening is drained and timed),
 * and `--reindex` rebuilds it whole; the fingerprint of the engine that built it is kept beside
 * it so the report can say when it was an earlier one.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataLayout } from '../../../electron/core/config/data-dir';
import { REPO_ROOT } from '../../helpers/fixtures';
import type { IndexBuild } from './index-library';
import { GENERATOR_VERSION } from './library-plan';

export interface LibraryMeta {
  generatorVersion: number;
  sessions: number;
  clients: number;
  segments: number;
  words: number;
  /** Writing the library (generation and inserts), ms. */
  generateMs: number;
  /** The full index build's phases and the fingerprint of the engine that built it (null: not built). */
  index: IndexBuild | null;
  indexFingerprint: string | null;
}

export interface CachedLibrary {
  dir: string;
  dataDir: string;
  /** The library's key, hex (CAIRN_DB_KEY's form). */
  key: string;
  meta: LibraryMeta | null;
}

export function libraryDir(sessions: number): string {
  const root = process.env.CAIRN_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'cairn', 'bench');
  return path.join(root, `search-library-v${GENERATOR_VERSION}-${sessions}`);
}

/** The cached library of this size, or a fresh empty one (a half-written one is thrown away). */
export function openCache(sessions: number, fresh: boolean): CachedLibrary {
  const dir = libraryDir(sessions);
  const metaFile = path.join(dir, 'meta.json');
  if (fresh || !existsSync(metaFile)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'key.hex');
  if (!existsSync(keyFile))
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const key = readFileSync(keyFile, 'utf8').trim();
  const meta = existsSync(metaFile)
    ? (JSON.parse(readFileSync(metaFile, 'utf8')) as LibraryMeta)
    : null;
  return { dir, dataDir: path.join(dir, 'data'), key, meta };
}

export function saveMeta(library: CachedLibrary, meta: LibraryMeta): void {
  writeFileSync(path.join(library.dir, 'meta.json'), JSON.stringify(meta, null, 2));
  library.meta = meta;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** What the index depends on: the search engine's code and the migrations. */
export function engineFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...filesUnder(path.join(REPO_ROOT, 'electron/core/search')),
    ...filesUnder(path.join(REPO_ROOT, 'resources/migrations')),
  ]) {
    hash.update(path.relative(REPO_ROOT, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Bytes of the library's database file and its write-ahead log. */
export function databaseBytes(dataDir: string): number {
  const file = dataLayout(dataDir).database;
  return [file, `${file}-wal`].filter(existsSync).reduce((sum, f) => sum + statSync(f).size, 0);
}
