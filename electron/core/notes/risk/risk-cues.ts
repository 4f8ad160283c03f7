/**
 * Words without which a sentence cannot be about risk: dying and suicide, hurting oneself or
 * others, weapons, abuse, fear for one's safety, drink and drugs, eating-disorder behaviour.
 * Deliberately broad (stems, no context rules): it is not a detector, only the floor a notes
 * model's risk concern must clear to become a flag of its own. A small model asked for a risk
 * list fills it with ordinary sentences ("How did the breathing exercise go?" as a substance
 * crisis); a flag on every session would teach clinicians to click flags away. What the scanner
 * found never passes through this check.
 */
const CUE_SOURCES = [
  // dying, suicide, not being here
  String.raw`suicid\w*|kill\w*|die|dies|died|dying|dead|death|deaths|overdos\w*|od'?d|noose|hang(?:ing|ed)? (?:my|him|her)self|jump(?:ed|ing)? (?:off|from|in front)|end (?:it|it all|my life|things|everything)|ending (?:it|my life|things)|unaliv\w*|not (?:be |being )?(?:here|around|alive)|(?:never|not) wake up|disappear\w*|burden|hopeless\w*|worthless|no point|point (?:of|in) (?:living|going on|life|anything|trying)|(?:can'?t|cannot) go on|give up on (?:life|everything)|goodbye|funeral|last (?:note|letter)|better off`,
  // harm to self or others, weapons
  String.raw`cut|cuts|cutting|self[- ]?harm\w*|harm\w*|hurt\w*|burn\w*|scratch\w*|bleed\w*|blood\w*|razors?|blades?|guns?|firearms?|rifles?|pistols?|knife|knives|weapons?|shoot\w*|shot|stab\w*|violen\w*|revenge|rage|attack\w*|strangl\w*|chok\w*`,
  // abuse, neglect, safety
  String.raw`hit|hits|hitting|beat\w*|punch\w*|slap\w*|kick\w*|shov\w*|abus\w*|rape\w*|raping|molest\w*|assault\w*|threat\w*|unsafe|(?:not|isn'?t|wasn'?t) safe|afraid|scared|terrified|fear\w*|neglect\w*|locked (?:me|us|them|him|her) (?:in|out)`,
  // drink and drugs
  String.raw`drunk|drink\w*|drank|alcohol\w*|booze|beers?|wine|vodka|whisk(?:e)?y|liquor|high|stoned|drugs?|pills?|tablets|using again|relaps\w*|black(?:ed)? ?out|withdraw\w*|heroin|meth|coke|cocaine|crack|fentanyl|opioid\w*|opiate\w*|oxy\w*|benzos?|xanax|weed|marijuana`,
  // eating-disorder behaviour
  String.raw`starv\w*|purg\w*|vomit\w*|throw(?:ing)? up|binge\w*|laxatives?`,
];

const CUES = new RegExp(String.raw`(?<![\w'])(?:${CUE_SOURCES.join('|')})(?![\w'])`, 'i');

/** Whether a sentence holds any word a risk statement needs (see above). */
export function hasRiskCue(text: string): boolean {
  return CUES.test(text.replace(/[‘’]/g, "'"));
}
