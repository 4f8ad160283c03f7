import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { CancelledError, PermanentError, TransientError } from '../../errors';
import type { CatalogueModel } from './catalogue';

export interface DownloadOptions {
  url: string;
  /** Final location; the download grows in `${target}.part` beside it. */
  target: string;
  /**
   * The published hash the file must match. Absent only for a model whose hash nobody has
   * verified yet (some notes models): the caller must then say so with `sizeOnly`, and the
   * size (`expectedBytes`, else the length the server declared) is the only check.
   */
  checksum?: CatalogueModel['checksum'];
  /** Exact size the finished file must have. */
  expectedBytes?: number;
  /** Deliberately install without a checksum (see `checksum`). */
  sizeOnly?: boolean;
  signal?: AbortSignal;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Attempts after a dropped connection, each resuming where the last stopped. */
  retries?: number;
  retryDelayMs?: number;
}

/**
 * Downloads a model file safely: resumes an interrupted download with an HTTP Range request
 * (also across runs: the .part file stays), verifies the checksum, and only then renames the file
 * into place, so the models folder never holds a partial or unverified model. A mismatch deletes
 * the download.
 */
export async function downloadFile(options: DownloadOptions): Promise<void> {
  const { target, retries = 5, retryDelayMs = 1000 } = options;
  // A missing checksum must be a decision, never an omission.
  if (!options.checksum && !options.sizeOnly)
    throw new PermanentError(
      'unverifiable_model',
      'Cairn does not install a model it cannot verify.',
    );
  const partial = `${target}.part`;
  await mkdir(path.dirname(target), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetchInto(partial, options);
      break;
    } catch (error) {
      if (options.signal?.aborted) throw new CancelledError();
      if (!(error instanceof TransientError) || attempt >= retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** attempt));
    }
  }
  await verify(partial, options);
  await rename(partial, target);
}

/** Checks the finished download; a file that fails is deleted, never kept or installed. */
async function verify(partial: string, options: DownloadOptions): Promise<void> {
  if (options.expectedBytes !== undefined) {
    const size = (await stat(partial)).size;
    if (size !== options.expectedBytes) {
      await rm(partial, { force: true });
      throw new PermanentError(
        'size_mismatch',
        `The downloaded model was not the published size and was deleted (expected ${options.expectedBytes} bytes, got ${size}). Try the download again.`,
      );
    }
  }
  if (!options.checksum) return;
  const actual = await hashFile(partial, options.checksum.algorithm);
  if (actual !== options.checksum.hex.toLowerCase()) {
    await rm(partial, { force: true });
    throw new PermanentError(
      'checksum_mismatch',
      `The downloaded model did not match its published checksum and was deleted (expected ${options.checksum.algorithm} ${options.checksum.hex}, got ${actual}). Try the download again.`,
    );
  }
}

async function fetchInto(partial: string, options: DownloadOptions): Promise<void> {
  const have = (await stat(partial).catch(() => undefined))?.size ?? 0;
  let response: Response;
  try {
    response = await fetch(options.url, {
      headers: have > 0 ? { range: `bytes=${have}-` } : {},
      signal: options.signal,
      redirect: 'follow',
    });
  } catch (error) {
    throw new TransientError(
      'download_unreachable',
      `Cairn could not reach ${new URL(options.url).host} to download the model.`,
      { cause: error },
    );
  }
  if (response.status === 416 && have > 0) return; // already complete: the checksum decides
  if (!response.ok || !response.body) {
    const retryable = response.status >= 500 || response.status === 429;
    const ErrorClass = retryable ? TransientError : PermanentError;
    throw new ErrorClass(
      'download_failed',
      `The model server answered ${response.status} ${response.statusText}.`,
    );
  }
  // 206: the server continues where we stopped; 200: it ignored the range, so start over.
  const resuming = response.status === 206;
  const offset = resuming ? have : 0;
  const total = totalLength(response, offset);
  const handle = await open(partial, resuming ? 'a' : 'w');
  let received = offset;
  try {
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      await handle.write(chunk);
      received += chunk.length;
      options.onProgress?.(received, total);
    }
    await handle.sync();
  } catch (error) {
    if (options.signal?.aborted) throw new CancelledError();
    throw new TransientError(
      'download_interrupted',
      'The model download was interrupted; it will resume where it stopped.',
      { cause: error },
    );
  } finally {
    await handle.close();
  }
  if (total !== undefined && received < total) {
    throw new TransientError(
      'download_interrupted',
      'The model download ended early; it will resume where it stopped.',
    );
  }
}

function totalLength(response: Response, offset: number): number | undefined {
  const range = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
  if (range?.[1]) return Number(range[1]);
  const length = response.headers.get('content-length');
  return length === null ? undefined : offset + Number(length);
}

export async function hashFile(file: string, algorithm: 'sha256' | 'sha1'): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
