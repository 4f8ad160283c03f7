import type { NoteSection } from '../../../../shared/api/note-schemas';
import { applyReplacements } from './apply-voice';
import type { VoiceGuide } from './voice-guide';

/**
 * The two places the clinician's voice enters a draft, kept here so note generation only calls
 * them: the examples added to each section's ask, and the sure replacements applied to the
 * model's statements afterwards (with an honest line in the draft's warnings).
 */

/** At most this share of the context (in characters, ~4 a token) goes to the examples. */
const CONTEXT_SHARE_CHARS = 0.5;
const MAX_CHARS = 1600;

export function voiceAsker(
  guide: VoiceGuide | null | undefined,
  segments: readonly { text: string }[],
  contextSize: number,
): { ask: (key: string) => string; used: () => number } {
  const asked = new Set<string>();
  if (!guide) return { ask: () => '', used: () => 0 };
  // What the draft is about: the session's words, compared with each example's AI draft.
  const about = segments.map((s) => s.text).join(' ');
  const maxChars = Math.min(MAX_CHARS, Math.floor(contextSize * CONTEXT_SHARE_CHARS));
  return {
    ask: (key) => {
      const text = guide.askFor(key, about, maxChars);
      if (text.includes('\nSigned: ')) asked.add(key);
      return text;
    },
    used: () => asked.size,
  };
}

export function voicedDraft(
  sections: NoteSection[],
  guide: VoiceGuide | null | undefined,
  sectionsWithExamples: number,
): {
  sections: NoteSection[];
  warning?: string;
  metadata?: { examples: number; sectionsWithExamples: number; reworded: number };
} {
  if (!guide) return { sections };
  const { content, changed } = applyReplacements(
    { templateId: '', templateVersion: 0, sections },
    guide.replacements,
  );
  const terms = guide.replacements
    .slice(0, 3)
    .map((r) => `"${r.to}" for "${r.from}"`)
    .join(', ');
  return {
    sections: content.sections,
    metadata: { examples: guide.examples, sectionsWithExamples, reworded: changed },
    ...(changed > 0 && {
      warning: `Cairn put your usual wording into ${changed} statement${changed === 1 ? '' : 's'} of this draft (${terms}), learned from notes you signed; the cited transcript is unchanged.`,
    }),
  };
}
