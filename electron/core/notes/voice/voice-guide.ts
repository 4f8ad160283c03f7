import { escapeTranscriptText } from '../generate/prompts';
import { profileForModel, voiceProfile, type Replacement, type VoiceProfile } from './profile';
import { closestExamples } from './retrieval';

/**
 * What a new draft of one template learns from the clinician's examples: for each section the
 * closest few pairs and the profile line, as text appended to that section's ask, and the sure
 * replacements to apply afterwards. Built in memory from the stored examples (or the bench's).
 */
export interface VoiceExample {
  sectionKey: string;
  aiText: string;
  finalText: string;
  createdAt: number;
}

export interface VoiceGuide {
  examples: number;
  profile: VoiceProfile;
  replacements: readonly Replacement[];
  /** Text to add to a section's ask ('' when there is nothing for it), within maxChars. */
  askFor: (sectionKey: string, about: string, maxChars: number) => string;
  /**
   * The longest statement (characters) this clinician signs in the section, when they shorten
   * the drafts; the step's grammar then keeps the model's statements to it. Null: no such habit.
   */
  statementChars: (sectionKey: string) => number | null;
}

/** Shorter drafts are a habit when the signed statements' median is this share of the drafts'. */
const SHORTENS = 0.8;
/** The bound is the signed statements' 90th percentile, with a little room, and never tiny. */
const LENGTH_PERCENTILE = 0.9;
const LENGTH_ROOM = 1.1;
const MIN_STATEMENT_CHARS = 40;

function statementChars(examples: readonly VoiceExample[]): number | null {
  if (examples.length < 2) return null;
  const profile = voiceProfile(examples);
  const { final, draft } = profile.wordsPerStatement;
  if (final === 0 || final > SHORTENS * draft) return null;
  const lengths = examples
    .flatMap((e) => e.finalText.split('\n'))
    .map((line) => line.length)
    .sort((a, b) => a - b);
  const at = lengths[Math.floor((lengths.length - 1) * LENGTH_PERCENTILE)] ?? 0;
  return Math.max(MIN_STATEMENT_CHARS, Math.ceil(at * LENGTH_ROOM));
}

/** Examples shown per section: a small model has little room, and three show the habit. */
export const EXAMPLES_PER_SECTION = 3;
/** One side of an example is cut at this many characters, so one long note cannot fill the ask. */
const EXAMPLE_CHARS = 320;

const cut = (text: string) => {
  const flat = escapeTranscriptText(text.replace(/\n/g, ' / '));
  return flat.length <= EXAMPLE_CHARS ? flat : `${flat.slice(0, EXAMPLE_CHARS - 1)}…`;
};

export function voiceGuide(examples: readonly VoiceExample[]): VoiceGuide | null {
  if (examples.length === 0) return null;
  const profile = voiceProfile(examples);
  return {
    examples: examples.length,
    profile,
    replacements: profile.replacements,
    statementChars: (sectionKey) =>
      statementChars(examples.filter((e) => e.sectionKey === sectionKey)),
    askFor: (sectionKey, about, maxChars) => {
      const style = profileForModel(profile);
      const candidates = examples.filter((e) => e.sectionKey === sectionKey);
      const chosen = closestExamples(candidates, about, EXAMPLES_PER_SECTION);
      let text = '';
      for (const example of chosen) {
        const shown = `\nDraft: ${cut(example.aiText)}\nSigned: ${cut(example.finalText)}`;
        if (text.length + shown.length + style.length > maxChars) break;
        text += shown;
      }
      const intro = text
        ? ' How this clinician rewrote this section in earlier notes (the draft, then what they signed). Write like that, but only about this session:'
        : '';
      const whole = `${intro}${text}\n${style}`;
      if (whole.length <= maxChars) return whole;
      return style.length + 1 <= maxChars ? `\n${style}` : '';
    },
  };
}
