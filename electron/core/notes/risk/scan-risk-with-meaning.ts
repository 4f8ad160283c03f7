import { createHash } from 'node:crypto';
import { CancelledError } from '../../errors';
import { runWorkerTask } from '../../workers/run-worker-task';
import type { RiskHit, RiskSegment } from './risk-categories';
import { scanRisk } from './scan-risk';
import { findEncoderFiles, type EncoderFiles } from './semantic/encoder-files';

/**
 * The risk scan every part of Cairn uses: the rules and the meaning layer together (see
 * semantic/semantic-risk.ts), the sentence encoder in a process of its own so onnxruntime never
 * loads into the app's main process. It always answers: with no encoder installed, or an encoder
 * that fails, the rules scan alone and the result says so, so a warning can reach the clinician.
 */

export type MeaningLayer =
  /** Rules and meaning both read the transcript. */
  | 'used'
  /** The encoder is not installed: the rules alone. */
  | 'not_installed'
  /** The encoder failed on this transcript: the rules alone. */
  | 'failed';

export interface RiskScan {
  hits: RiskHit[];
  meaning: MeaningLayer;
  /** For the clinician when the meaning layer did not run; no PHI. */
  warning?: string;
}

export interface RiskScanOptions {
  signal?: AbortSignal;
  /** Where the encoder is; by default the one the app ships (or CAIRN_SENTENCE_ENCODER_DIR). */
  encoder?: EncoderFiles | null;
}

const NOT_INSTALLED =
  'Risk was read by its rules alone: the sentence encoder that reads meaning is not installed (npm run build:models).';
const FAILED =
  'Risk was read by its rules alone: the sentence encoder that reads meaning could not run on this transcript.';

/**
 * Results by transcript: the merge stage and the note read the same transcript minutes apart, and
 * embedding it twice would only cost time. Keyed by a hash of ids and words, so an edited line is a
 * new key; bounded, since each entry holds only hits.
 */
const cache = new Map<string, RiskHit[]>();
const CACHE_ENTRIES = 32;

function keyOf(segments: readonly RiskSegment[], files: EncoderFiles): string {
  const hash = createHash('sha256').update(files.model);
  // Ids and words only: the scan reads no speaker, so the merge (diarizer's labels) and the note
  // (speakers' names) share an entry.
  for (const segment of segments)
    hash.update(
      `${segment.id}\u0000${segment.text}\u0000${(segment.breaks ?? []).join(',')}\u0001`,
    );
  return hash.digest('hex');
}

function remember(key: string, hits: RiskHit[]): void {
  cache.delete(key);
  cache.set(key, hits);
  while (cache.size > CACHE_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}

export async function scanRiskWithMeaning(
  segments: readonly RiskSegment[],
  options: RiskScanOptions = {},
): Promise<RiskScan> {
  const files = options.encoder === undefined ? findEncoderFiles() : options.encoder;
  if (!files) return { hits: scanRisk(segments), meaning: 'not_installed', warning: NOT_INSTALLED };
  if (segments.every((segment) => segment.text.trim() === '')) return { hits: [], meaning: 'used' };
  const key = keyOf(segments, files);
  const known = cache.get(key);
  // A copy: a caller may sort or extend its list; the cached one must stay as scanned.
  if (known) return { hits: [...known], meaning: 'used' };
  try {
    const hits = await runWorkerTask(
      'riskMeaning',
      { segments: segments.map(({ id, text, breaks }) => ({ id, text, breaks })), files },
      { signal: options.signal },
    );
    remember(key, hits);
    return { hits, meaning: 'used' };
  } catch (error) {
    if (error instanceof CancelledError || options.signal?.aborted) throw error;
    return { hits: scanRisk(segments), meaning: 'failed', warning: FAILED };
  }
}
