import type { RiskHit, RiskSegment } from '../risk-categories';
import { scanRisk } from '../scan-risk';
import type { EncoderFiles } from './encoder-files';
import { bankTexts, banksFromVectors } from './risk-bank';
import { combineRisk, segmentSentences, sentenceKey } from './semantic-risk';
import { scoreSentence, type EmbeddedBanks, type SentenceScore } from './semantic-score';
import { SHIPPED_CALIBRATION } from './semantic-thresholds';
import { SentenceEncoder } from './sentence-encoder';

export interface RiskMeaningRequest {
  segments: RiskSegment[];
  files: EncoderFiles;
}

async function embedBanks(encoder: SentenceEncoder, signal: AbortSignal): Promise<EmbeddedBanks> {
  return banksFromVectors(await encoder.embed(bankTexts(), signal));
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
