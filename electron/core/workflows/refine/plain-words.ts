/**
 * Clinical shorthand and jargon with everyday words for it: the rules' answer to "less jargon".
 * Longest phrases first, so "suicidal ideation" is replaced before "ideation". Words only where
 * the plain phrase keeps the meaning; a term with no safe plain equal is left as it is.
 */
const PLAIN_WORDS: readonly (readonly [string, string])[] = [
  ['cognitive restructuring', 'challenging unhelpful thoughts'],
  ['cognitive distortions', 'unhelpful thinking patterns'],
  ['cognitive distortion', 'unhelpful thinking pattern'],
  ['behavioural activation', 'planning more rewarding activities'],
  ['behavioral activation', 'planning more rewarding activities'],
  ['psychomotor agitation', 'restlessness'],
  ['psychosocial stressors', 'life stresses'],
  ['exposure hierarchy', 'list of feared situations, easiest first'],
  ['suicidal ideation', 'thoughts of suicide'],
  ['homicidal ideation', 'thoughts of harming others'],
  ['sleep hygiene', 'healthy sleep habits'],
  ['avoidance behaviours', 'avoiding things'],
  ['avoidance behaviors', 'avoiding things'],
  ['psychoeducation', 'information about how this works'],
  ['catastrophizing', 'expecting the worst'],
  ['catastrophising', 'expecting the worst'],
  ['hypervigilance', 'being constantly on guard'],
  ['rumination', 'going over the same thoughts'],
  ['ruminating', 'going over the same thoughts'],
  ['anhedonia', 'loss of interest or pleasure'],
  ['dysphoric', 'low in mood'],
  ['euthymic', 'steady in mood'],
  ['somatic', 'bodily'],
  ['in vivo', 'in real life'],
  ['comorbid', 'occurring together'],
  ['etiology', 'cause'],
  ['aetiology', 'cause'],
  ['insomnia', 'trouble sleeping'],
  ['utilize', 'use'],
  ['utilise', 'use'],
  ['exhibited', 'showed'],
  ['demonstrated', 'showed'],
  ['presented with', 'came in with'],
  ['reports', 'says'],
  ['reported', 'said'],
  ['endorsed', 'said yes to'],
  ['denies', 'says there is no'],
  ['pt', 'client'],
  ['hx', 'history'],
  ['tx', 'treatment'],
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERN = new RegExp(
  `\\b(?:${PLAIN_WORDS.map(([term]) => escape(term)).join('|')})\\b`,
  'gi',
);
const PLAIN = new Map(PLAIN_WORDS.map(([term, plain]) => [term, plain]));

/** The text with each known term in everyday words (a capital kept at a sentence's start). */
export function inPlainWords(text: string): string {
  return text.replace(PATTERN, (found) => {
    const plain = PLAIN.get(found.toLowerCase()) ?? found;
    return /^[A-Z]/.test(found) ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain;
  });
}
