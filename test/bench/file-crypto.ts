/**
 * Encryption at rest of audio: what it costs next to what Cairn did before, side by side.
 * - import: the old copy (hash while copying, fsync) vs the encrypting copy (hash, AES-256-GCM);
 * - a stage's read: reading the plain file vs decrypting it into the private workspace;
 * - a seek: reading 1 MiB from the middle of the plain file vs of the encrypted one.
 * Figures only; the tests assert behaviour.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dataLayout } from '../../electron/core/config/data-dir';
import { decryptFile } from '../../electron/core/security/file-crypto';
import { storeRecordingFile } from '../../electron/core/store/recording-files';
import { readStoredFile } from '../../electron/core/store/stored-files';
import { median } from './measure';

const SIZE = 128 * 1024 * 1024; // about an hour of 16 kHz mono WAV, or 12 min of CD audio
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function timed(work: () => Promise<unknown>): Promise<number> {
  execFileSync('sync'); // one round's writeback must not slow the next
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** What storeRecordingFile did before encryption: copy, hashing on the way, fsynced. */
async function plainCopyWithHash(source: string, target: string): Promise<void> {
  const hash = createHash('sha256');
  await pipeline(
    createReadStream(source, { highWaterMark: 1 << 20 }),
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    }),
    createWriteStream(target, { flush: true }),
  );
}

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += (chunk as Buffer).length;
  return bytes;
}

export async function fileCryptoBenchmark() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-bench-crypto-'));
  try {
    const layout = dataLayout(path.join(dir, 'library'));
    const key = randomBytes(32);
    const source = path.join(dir, 'recording.wav');
    writeFileSync(source, randomBytes(SIZE));
    const rounds = { copy: [] as number[], encrypt: [] as number[] };
    const reads = { plain: [] as number[], decrypt: [] as number[] };
    const seeks = { plain: [] as number[], encrypted: [] as number[] };
    let stored = '';
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternated, so drift in the machine's speed hits both sides alike.
      const copy = path.join(dir, `copy-${round}.wav`);
      rounds.copy.push(await timed(() => plainCopyWithHash(source, copy)));
      rmSync(copy);
      rmSync(layout.recordings, { recursive: true, force: true });
      rounds.encrypt.push(
        await timed(
          async () => (stored = (await storeRecordingFile(layout, key, source)).absolutePath),
        ),
      );
      reads.plain.push(await timed(() => drain(createReadStream(source))));
      const plainCopy = path.join(dir, `plain-${round}.wav`);
      reads.decrypt.push(await timed(() => decryptFile(stored, plainCopy, key)));
      rmSync(plainCopy);
      const middle = { start: SIZE / 2, end: SIZE / 2 + (1 << 20) - 1 };
      seeks.plain.push(await timed(() => drain(createReadStream(source, middle))));
      seeks.encrypted.push(
        await timed(async () => drain(await readStoredFile(stored, key, middle))),
      );
    }
    const result = {
      sizeMiB: SIZE / (1 << 20),
      rounds: ROUNDS,
      importMs: { plainCopy: median(rounds.copy), encrypting: median(rounds.encrypt) },
      importRatio: median(rounds.encrypt) / median(rounds.copy),
      stageReadMs: { plainRead: median(reads.plain), decryptToWorkspace: median(reads.decrypt) },
      stageReadRatio: median(reads.decrypt) / median(reads.plain),
      seek1MiBMs: { plain: median(seeks.plain), encrypted: median(seeks.encrypted) },
    };
    console.table({
      'import (copy → encrypting copy)': {
        before: result.importMs.plainCopy.toFixed(0),
        after: result.importMs.encrypting.toFixed(0),
        ratio: result.importRatio.toFixed(2),
      },
      'stage input (read → decrypt to workspace)': {
        before: result.stageReadMs.plainRead.toFixed(0),
        after: result.stageReadMs.decryptToWorkspace.toFixed(0),
        ratio: result.stageReadRatio.toFixed(2),
      },
      'seek, 1 MiB from the middle': {
        before: result.seek1MiBMs.plain.toFixed(1),
        after: result.seek1MiBMs.encrypted.toFixed(1),
        ratio: (result.seek1MiBMs.encrypted / result.seek1MiBMs.plain).toFixed(2),
      },
    });
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
