/**
 * Which kinds of sentence each template section wants, best first. Built-in keys are mapped
 * directly; a practice's own section is matched by words in its key, title and instruction, and
 * a section nothing matches gets the client's own words on their main concern.
 */
import type { NoteTemplate } from '../templates/note-template';
import type { SentenceKind } from './rules';

type TemplateSection = NoteTemplate['sections'][number];

const BY_KEY: Readonly<Record<string, readonly SentenceKind[]>> = {
  subjective: ['concern', 'rating'],
  objective: ['measure', 'rating', 'medication'],
  assessment: ['risk', 'safety', 'reflection', 'response', 'rating'],
  plan: ['homework', 'plan', 'next_appointment'],
  data: ['concern', 'rating', 'measure', 'medication'],
  // BIRP and GIRP have no assessment: the client's risk and safety statements go with what they said.
  behavior: ['risk', 'safety', 'concern', 'rating', 'measure', 'medication'],
  intervention: ['intervention', 'reflection'],
  interventions: ['intervention', 'homework'],
  response: ['response', 'rating', 'risk', 'safety'],
  goals: ['goal', 'concern'],
  key_topics: ['concern', 'goal'],
  mood_affect: ['rating', 'concern'],
  homework: ['homework', 'next_appointment'],
  risk_flags: ['risk', 'safety'],
  clinician_observations: ['reflection', 'measure', 'medication'],
  client_summary: ['next_appointment', 'plan'],
};

/** Words in a section's own description that point at a kind, for a practice's template. */
const BY_WORD: readonly [RegExp, SentenceKind][] = [
  [/\b(?:risk|safety|suicid\w*|self[- ]harm|harm)\b/i, 'risk'],
  [/\b(?:risk|safety|protective)\b/i, 'safety'],
  [/\b(?:medications?|meds|prescri\w+|dose|dosage)\b/i, 'medication'],
  [/\b(?:homework|assign\w*|action items?|tasks?)\b/i, 'homework'],
  [/\b(?:plan|plans|next steps?|follow[- ]up)\b/i, 'plan'],
  [/\b(?:next session|next appointment|appointment|schedul\w*)\b/i, 'next_appointment'],
  [/\b(?:measures?|scores?|scales?|screen\w*|objective)\b/i, 'measure'],
  [/\b(?:ratings?|mood|severity|symptoms?)\b/i, 'rating'],
  [/\b(?:interventions?|techniques?|strateg\w*|skills?)\b/i, 'intervention'],
  [/\b(?:response|responded|progress)\b/i, 'response'],
  [/\b(?:assessment|impression|observ\w*|clinician's view)\b/i, 'reflection'],
  [/\b(?:goals?|aims?|objectives?)\b/i, 'goal'],
  [/\b(?:concerns?|complaint|presenting|reported|subjective|feelings?|client said)\b/i, 'concern'],
];

export function kindsForSection(section: TemplateSection): readonly SentenceKind[] {
  const known = BY_KEY[section.key];
  if (known) return known;
  const words = `${section.key.replace(/_/g, ' ')} ${section.title} ${section.instruction}`;
  const matched = BY_WORD.filter(([regex]) => regex.test(words)).map(([, kind]) => kind);
  return matched.length > 0 ? matched : ['concern'];
}
