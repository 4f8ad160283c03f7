import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Real two-speaker recording provided beside the repository (../shared, MIT, from pyannote-audio). */
export const SAMPLE_WAV = path.resolve(REPO_ROOT, '../shared/data/diarization/sample.wav');

/** A fresh temporary directory and its removal, for one test's data directory. */
export function makeTempDir(prefix = 'cairn-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
