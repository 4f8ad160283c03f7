/**
 * Sentences of a transcript, each kept with its segment and speaker so an item can cite it. The
 * sentence text is exactly as said (trimmed), so the citation check finds it word for word.
 */
import { splitSentences as splitEvidenceSentences } from '../generate/evidence-lines';
import type { NoteSegment } from '../generate/generate-note';

export interface TranscriptSentence {
  /** Position in the whole session: session order within a section, and "early" for concerns. */
  index: number;
  segmentId: string;
  speaker: string;
  text: string;
}

/** Long run-on speech is cut: an item quotes one thought, not a paragraph. */
const MAX_SENTENCE_CHARS = 300;

/** Sentences as said, cut at a word past MAX_SENTENCE_CHARS (the evidence splitter, longer). */
export function splitSentences(text: string): string[] {
  return splitEvidenceSentences(text, MAX_SENTENCE_CHARS);
}

export function transcriptSentences(segments: readonly NoteSegment[]): TranscriptSentence[] {
  const out: TranscriptSentence[] = [];
  for (const segment of segments)
    for (const text of splitSentences(segment.text))
      out.push({ index: out.length, segmentId: segment.id, speaker: segment.speaker, text });
  return out;
}

export type Role = 'client' | 'clinician' | 'unknown';

/** Roles are known only when the transcript names them; a diarizer label says nothing about who. */
export function roleOf(speaker: string): Role {
  const s = speaker.trim().toLowerCase();
  if (s === 'client') return 'client';
  if (s === 'clinician' || s === 'therapist') return 'clinician';
  return 'unknown';
}
