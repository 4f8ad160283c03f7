/**
 * The public C-SSRS set as sentences, with their embeddings cached outside git: embedding 54,000
 * sentences takes minutes on 2 cores, and calibration reads them many times.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { FULL_MACHINE } from '../../electron/core/diarize/onnx-options';
import { splitSentences, straighten } from '../../electron/core/notes/risk/risk-text';
import { findEncoderFiles } from '../../electron/core/notes/risk/semantic/encoder-files';
import {
  SENTENCE_EMBEDDING_SIZE,
  SentenceEncoder,
} from '../../electron/core/notes/risk/semantic/sentence-encoder';
import { loadCssrsUsers, type CssrsUser } from '../fixtures/public/cssrs-reddit';

export interface PublicSentence {
  user: number;
  post: number;
  text: string;
}

export function publicSentences(users: readonly CssrsUser[]): PublicSentence[] {
  return users.flatMap((user, u) =>
    user.posts.flatMap((post, p) =>
      splitSentences(straighten(post)).map((s) => ({ user: u, post: p, text: s.text })),
    ),
  );
}

const CACHE_DIR = path.join(homedir(), '.cache/cairn/bench');

export async function embedAll(texts: readonly string[], label: string): Promise<Float32Array[]> {
  const files = findEncoderFiles();
  if (!files) throw new Error('The sentence encoder is not installed: run npm run build:models');
  const hash = createHash('sha256');
  hash.update(readFileSync(files.model));
  for (const text of texts) hash.update(`${text}\u0000`);
  const cache = path.join(CACHE_DIR, `${label}-${hash.digest('hex').slice(0, 16)}.f32`);
  if (existsSync(cache)) {
    const bytes = readFileSync(cache);
    const flat = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    return texts.map((_, i) =>
      flat.subarray(i * SENTENCE_EMBEDDING_SIZE, (i + 1) * SENTENCE_EMBEDDING_SIZE),
    );
  }
  const encoder = await SentenceEncoder.load(files, FULL_MACHINE);
  try {
    const started = performance.now();
    const vectors: Float32Array[] = [];
    const CHUNK = 2_000;
    for (let first = 0; first < texts.length; first += CHUNK) {
      vectors.push(...(await encoder.embed(texts.slice(first, first + CHUNK))));
      const seconds = (performance.now() - started) / 1000;
      process.stderr.write(
        `\rembedded ${vectors.length}/${texts.length} (${seconds.toFixed(0)} s)`,
      );
    }
    process.stderr.write('\n');
    const flat = new Float32Array(texts.length * SENTENCE_EMBEDDING_SIZE);
    vectors.forEach((vector, i) => flat.set(vector, i * SENTENCE_EMBEDDING_SIZE));
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(cache, Buffer.from(flat.buffer));
    return vectors;
  } finally {
    await encoder.release();
  }
}

export function loadPublicRiskSet() {
  const users = loadCssrsUsers();
  return { users, sentences: publicSentences(users) };
}
