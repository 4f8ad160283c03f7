/**
 * Sentences of a transcript, each kept with its segment and speaker so an item can cite it. The
 * sentence text is exactly as said (trimmed), so the citation check finds it word for word.
 */
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

/** Splits at . ! ? … followed by space; a dot inside a number ("7.5") does not end a sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s))
    .map((s) => (s.length <= MAX_SENTENCE_CHARS ? s : cutAtWord(s, MAX_SENTENCE_CHARS)));
}

function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
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
