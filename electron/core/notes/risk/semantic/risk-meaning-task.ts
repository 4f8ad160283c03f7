import { RISK_CATEGORIES, type RiskHit, type RiskSegment } from '../risk-categories';
import { scanRisk } from '../scan-risk';
import type { EncoderFiles } from './encoder-files';
import { CONTRAST_BANK, RISK_BANK } from './risk-bank';
import { combineRisk, segmentSentences, sentenceKey } from './semantic-risk';
import { scoreSentence, type EmbeddedBanks, type SentenceScore } from './semantic-score';
import { SHIPPED_CALIBRATION } from './semantic-thresholds';
import { SentenceEncoder } from './sentence-encoder';

export interface RiskMeaningRequest {
  segments: RiskSegment[];
  files: EncoderFiles;
}

async function embedBanks(encoder: SentenceEncoder, signal: AbortSignal): Promise<EmbeddedBanks> {
  const texts = [...RISK_CATEGORIES.flatMap((c) => RISK_BANK[c]), ...CONTRAST_BANK];
  const vectors = await encoder.embed(texts, signal);
  let next = 0;
  const take = (n: number) => vectors.slice(next, (next += n));
  const risk = Object.fromEntries(
    RISK_CATEGORIES.map((c) => [c, take(RISK_BANK[c].length)]),
  ) as unknown as EmbeddedBanks['risk'];
  return { risk, contrast: take(CONTRAST_BANK.length) };
}

/**
 * Runs in its own process (onnxruntime loads once per process): the rules over the segments, every
 * sentence embedded once (a sentence said twice is embedded once), and the two combined.
 */
export async function riskMeaningTask(
  request: RiskMeaningRequest,
  context: { signal: AbortSignal; progress: (percent: number) => void },
): Promise<RiskHit[]> {
  const encoder = await SentenceEncoder.load(request.files);
  try {
    const banks = await embedBanks(encoder, context.signal);
    const refs = segmentSentences(request.segments);
    const unique = [...new Set(refs.map((ref) => ref.sentence.text))];
    const vectors = await encoder.embed(unique, context.signal);
    const byText = new Map(unique.map((text, i) => [text, vectors[i]]));
    const scores = new Map<string, SentenceScore>();
    for (const ref of refs) {
      const vector = byText.get(ref.sentence.text);
      if (vector)
        scores.set(sentenceKey(ref.segment.id, ref.sentence), scoreSentence(vector, banks));
    }
    context.progress(100);
    return combineRisk(refs, scanRisk(request.segments), scores, SHIPPED_CALIBRATION);
  } finally {
    await encoder.release();
  }
}
