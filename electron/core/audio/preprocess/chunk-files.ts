import { open, stat } from 'node:fs/promises';
import { BYTES_PER_SAMPLE } from './constants';
import type { ChunkPlan } from './plan';

/** A decoded chunk on disk (raw s16le) and where its owned samples start after alignment. */
export interface DecodedChunk {
  plan: ChunkPlan;
  file: string;
  /** Samples in the file. */
  length: number;
  /** Leading samples to drop so the next one is plan.firstSample (pre-roll, corrected at the join). */
  skip: number;
}

export async function decodedChunk(plan: ChunkPlan, file: string): Promise<DecodedChunk> {
  const { size } = await stat(file);
  return { plan, file, length: Math.floor(size / BYTES_PER_SAMPLE), skip: plan.prerollSamples };
}

/** Reads `count` samples from index `from` of a chunk file (fewer at its end). */
export async function readSamples(file: string, from: number, count: number): Promise<Int16Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.max(0, count) * BYTES_PER_SAMPLE);
    const { bytesRead } = await handle.read(
      buffer,
      0,
      buffer.length,
      Math.max(0, from) * BYTES_PER_SAMPLE,
    );
    return new Int16Array(
      buffer.buffer,
      buffer.byteOffset,
      Math.floor(bytesRead / BYTES_PER_SAMPLE),
    );
  } finally {
    await handle.close();
  }
}

/** Samples each chunk contributes to the output, in order. */
export function ownedSamples(chunk: DecodedChunk): number {
  const available = Math.max(0, chunk.length - chunk.skip);
  const { endSample, firstSample } = chunk.plan;
  return endSample === undefined ? available : Math.min(available, endSample - firstSample);
}

const BLOCK_SAMPLES = 256 * 1024;

/**
 * Streams the joined recording in order, block by block (memory stays flat whatever the length):
 * each chunk's owned samples, from its aligned start. `range` limits it to [start, end) of the output.
 */
export async function* joinedBlocks(
  chunks: readonly DecodedChunk[],
  range: { start: number; end: number } = { start: 0, end: Number.POSITIVE_INFINITY },
): AsyncGenerator<Int16Array> {
  let position = 0;
  for (const chunk of chunks) {
    const owned = ownedSamples(chunk);
    const from = Math.max(range.start, position);
    const to = Math.min(range.end, position + owned);
    if (to > from) {
      const handle = await open(chunk.file, 'r');
      // One buffer per chunk, reused: the consumer finishes with a block before asking for the next.
      const buffer = Buffer.allocUnsafe(BLOCK_SAMPLES * BYTES_PER_SAMPLE);
      try {
        for (let index = from; index < to; index += BLOCK_SAMPLES) {
          const count = Math.min(BLOCK_SAMPLES, to - index);
          const fileIndex = chunk.skip + (index - position);
          const { bytesRead } = await handle.read(
            buffer,
            0,
            count * BYTES_PER_SAMPLE,
            fileIndex * BYTES_PER_SAMPLE,
          );
          yield new Int16Array(
            buffer.buffer,
            buffer.byteOffset,
            Math.floor(bytesRead / BYTES_PER_SAMPLE),
          );
        }
      } finally {
        await handle.close();
      }
    }
    position += owned;
  }
}

export function totalSamples(chunks: readonly DecodedChunk[]): number {
  return chunks.reduce((sum, chunk) => sum + ownedSamples(chunk), 0);
}
