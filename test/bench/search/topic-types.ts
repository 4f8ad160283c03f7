/**
 * The shape of a clinical topic in the generated search library. Lines are written with
 * alternatives, `{a|b|c}` (one is picked; `{a|}` makes a word optional), and slots filled from the
 * client (`{drug}`, `{partner}`, `{lost}`, `{child}`, `{day}`), so two sessions on the same topic
 * never read the same; many lines deliberately avoid the topic's obvious keyword, so a search by
 * meaning has something to find that a search by words does not.
 */
export interface Topic {
  id: string;
  /** How a note heads the topic, in words. */
  title: string;
  /** What the client says about it: complaints, stories, paraphrases. */
  client: readonly string[];
  /** What the clinician says: questions, reflections, interventions. */
  clinician: readonly string[];
  /** Statements a note makes about it, in a note's voice. */
  note: readonly string[];
  /** A session on this topic is flagged for review with this risk kind. */
  risk?: 'self_harm' | 'harm_to_others' | 'abuse' | 'substance';
}
