import { z } from 'zod';
import type { TranscriptSegment, TranscriptWord } from '../types';

const Offsets = z.object({ from: z.number(), to: z.number() });
const Token = z.object({ text: z.string(), offsets: Offsets, id: z.number(), p: z.number() });
const Segment = z.object({
  offsets: Offsets,
  text: z.string(),
  tokens: z.array(Token).default([]),
});

/** The part of whisper-cli's `-ojf` output Cairn reads. */
export const WhisperJson = z.object({
  result: z.object({ language: z.string() }).partial().default({}),
  transcription: z.array(Segment),
});
export type WhisperJson = z.infer<typeof WhisperJson>;

/** [_BEG_], [_TT_123], <|endoftext|>…: markers, not speech. */
const SPECIAL_TOKEN = /^(\[_[A-Z]+_?\d*\]|<\|.*\|>)$/;

/**
 * Whisper's segments and tokens → Cairn's segments and words, in seconds of the original
 * recording. A word is the run of tokens from one that starts with a space to the next.
 */
export function normaliseSegments(json: WhisperJson, offsetSec: number): TranscriptSegment[] {
  const at = (ms: number) => Math.round((ms / 1000 + offsetSec) * 1000) / 1000;
  return json.transcription
    .map((segment) => {
      const words: TranscriptWord[] = [];
      let probabilities: number[] = [];
      for (const token of segment.tokens) {
        if (SPECIAL_TOKEN.test(token.text.trim()) || token.text === '') continue;
        const last = words.at(-1);
        if (!last || token.text.startsWith(' ')) {
          probabilities = [token.p];
          words.push({
            word: token.text.trim(),
            start: at(token.offsets.from),
            end: at(token.offsets.to),
            probability: token.p,
          });
        } else {
          probabilities.push(token.p);
          last.word += token.text;
          last.end = at(token.offsets.to);
          last.probability = probabilities.reduce((a, b) => a + b, 0) / probabilities.length;
        }
      }
      return {
        start: at(segment.offsets.from),
        end: at(segment.offsets.to),
        text: segment.text.trim(),
        words: words.filter((w) => w.word !== ''),
      };
    })
    .filter((segment) => segment.text !== '');
}
