/**
 * Rules that say what kind of thing a sentence is. They look for kinds of phrasing (a number
 * "out of ten" in digits or words, "this week try…", "see you next…"), not for particular
 * sentences, so they hold on transcripts they were never tried on. Risk is not judged here: the
 * rule-based risk scanner is the one place that reads risk (see extractive-sections.ts).
 */
import { roleOf, type TranscriptSentence } from './sentences';

export type SentenceKind =
  | 'risk'
  | 'safety'
  | 'medication'
  | 'rating'
  | 'measure'
  | 'homework'
  | 'plan'
  | 'next_appointment'
  | 'intervention'
  | 'response'
  | 'reflection'
  | 'goal'
  | 'concern';

const NUM = String.raw`(?:\d{1,3}(?:[.,]\d)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[- ]\w+)?)`;

/** "a four out of ten", "7/10", "on a scale of one to ten", "maybe a six". */
const RATING = new RegExp(
  [
    String.raw`\b${NUM}\s*(?:out of|/|outta)\s*(?:10|ten|5|five|100|a hundred)\b`,
    String.raw`\bon a scale\b`,
    String.raw`\b(?:rate|rated|rating|ratings)\b`,
    String.raw`\b(?:about|around|maybe|like|probably|at|a)\s+(?:an?\s+)?${NUM}\s*(?:today|now|this week|right now)\b`,
  ].join('|'),
  'i',
);

/** Standard measures and their scores. */
const MEASURE = new RegExp(
  String.raw`\b(?:phq[- ]?(?:9|2|nine|two)?|gad[- ]?(?:7|seven)?|pcl[- ]?5?|bdi|bai|core[- ]?10|ors|srs|audit|questionnaire|screen(?:ing|er)?|score[sd]?|scoring|measure)\b`,
  'i',
);

/** How much of a substance, in units a client counts ("six beers", "3 drinks"). */
const USE_QUANTITY = new RegExp(
  String.raw`\b${NUM}\s+(?:drinks?|beers?|glasses|shots|units|pints|cans|bottles|joints|cigarettes|lines|pills)\b`,
  'i',
);

const HOMEWORK = new RegExp(
  [
    String.raw`\b(?:homework|assignment|worksheet|exercise)\b`,
    String.raw`\b(?:this|next|over the) (?:week|few days|weekend)\b.*\b(?:try|practi[sc]e|write|keep|notice|track|do|schedule|plan|take|go for|call|read|listen|use|spend)\b`,
    String.raw`\b(?:try|practi[sc]e|practi[sc]ing|keep|track|write down|jot down)\b.*\b(?:log|diary|journal|record|each day|every day|daily|every night|each morning|before bed|this week)\b`,
    String.raw`\bkeep (?:a|your|the) (?:log|diary|journal|record|note)\b`,
    String.raw`\bbefore (?:our|the) next (?:session|appointment|time)\b`,
  ].join('|'),
  'i',
);

const PLAN = new RegExp(
  [
    String.raw`\b(?:plan|plans|planning|next step|next steps|going forward|moving forward|from now on)\b`,
    String.raw`\b(?:we'?ll|we will|we're going to|let's|i'?ll|i will|i'm going to|i am going to|you'?ll|you will|we can|i'd like us to)\s+(?:\w+\s+){0,3}?(?:keep|continue|start|work|look|focus|try|follow up|refer|send|check|come back|talk|review|call|book|pick up)\b`,
    String.raw`\b(?:referral|refer you|follow[- ]up)\b`,
  ].join('|'),
  'i',
);

const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|fortnight|month|time|session|appointment)`;
const NEXT_APPOINTMENT = new RegExp(
  [
    String.raw`\bsee you (?:next|on|in|again|then|the)\b`,
    String.raw`\bsame time next (?:week|month)\b`,
    String.raw`\bnext (?:session|appointment)\b`,
    String.raw`\b(?:in|after) (?:two|three|four|2|3|4|a couple of) weeks\b`,
    String.raw`\b(?:meet|see each other|book|schedule|scheduled)\b.*\b(?:next|on)\s+${DAY}\b`,
  ].join('|'),
  'i',
);

/**
 * What a risk assessment documents beside the risk: a plan or intent denied, the client's word
 * that they are safe, what keeps them safe (C-SSRS follow-up questions, safety planning).
 */
const SAFETY = new RegExp(
  [
    String.raw`\b(?:no|any|a|not have (?:a|any)|(?:don'?t|do not|never) have (?:a|any)) (?:plan|plans|intent|intention|intentions)\b`,
    String.raw`\b(?:would|will|could)(?:n'?t| not| never) (?:act on|do (?:it|that|anything)|hurt myself|go through with)\b`,
    String.raw`\bnever (?:act on|do (?:it|that|anything)|hurt myself|go through with)\b`,
    String.raw`\b(?:i'?m|i am|i feel|feel) safe\b|\bsafety plan\b|\bkeeps? me (?:safe|going|here)\b|\breasons? to (?:live|stay)\b`,
  ].join('|'),
  'i',
);

/** A medicine, its dose, or its prescribing: what a note records of medication. */
const MEDICATION = new RegExp(
  String.raw`\b(?:medication|medications|meds|prescri(?:be|bed|ption|ptions)|milligrams?|\d+\s?mg|dose|dosage|side effects?|antidepressants?|sertraline|fluoxetine|citalopram|escitalopram|venlafaxine|bupropion|mirtazapine|quetiapine|lithium|lamotrigine|aripiprazole|propranolol)\b`,
  'i',
);

/** What the clinician does in the room: named techniques and the verbs that introduce them. */
const INTERVENTION = new RegExp(
  [
    String.raw`\b(?:breathing|grounding|relaxation|mindfulness|reframe|reframing|thought record|cognitive|exposure|behavio(?:u)?ral activation|role[- ]play|psychoeducation|validation|problem[- ]solving|coping (?:skill|strateg)\w*|technique|strategy|strategies|skill|skills|safety plan)\b`,
    String.raw`\b(?:let's|let us|shall we|can we|we could|i want to|i'd like to) (?:try|practi[sc]e|do|look at|go through|walk through|talk about|explore)\b`,
  ].join('|'),
  'i',
);

/** How the client took it: "that helped", "it makes sense", "I felt calmer". */
const RESPONSE = new RegExp(
  String.raw`\b(?:that|it|this) (?:helped|helps|was helpful|makes sense|made sense|worked|didn'?t (?:help|work)|was hard|felt (?:good|better|weird|hard))\b|\bi (?:felt|feel|am feeling|'m feeling) (?:calmer|better|worse|lighter|relieved|more \w+|less \w+)\b|\b(?:i'?ll try|i can try|i could try|i think i can|that'?s (?:fair|true|right))\b|\b(?:better|worse|improv\w+|progress)\b`,
  'i',
);

/** A clinician reflecting back: the closest a transcript comes to an assessment. */
const REFLECTION = new RegExp(
  String.raw`\b(?:it sounds like|sounds like|i'm hearing|i hear|i notice|i noticed|it seems|seems like|what i'm noticing|i wonder|i'm struck|you seem|you've (?:made|been)|you're (?:describing|saying)|it looks like)\b`,
  'i',
);

const GOAL = new RegExp(
  String.raw`\b(?:goal|goals|aim|working on|work on|want to be able|i'?d like to|i want to (?:be|get|stop|start|feel|have)|hoping to|trying to)\b`,
  'i',
);

const FIRST_PERSON = /\b(?:i|i'm|im|i've|i'd|i'll|me|my|myself)\b/i;
/** Feeling and problem words a client uses about what brings them. */
const CONCERN = new RegExp(
  String.raw`\b(?:feel|feeling|felt|anxious|anxiety|worried|worry|worrying|stressed|stress|sad|down|depressed|low|angry|upset|overwhelmed|scared|afraid|panic|lonely|tired|exhausted|hopeless|guilty|ashamed|numb|can'?t (?:sleep|stop|focus|cope|get)|sleep(?:ing)?|awake|struggl\w+|energy|flat|motivation|appetite|isolat\w+|withdraw\w*|irritable|hard|difficult|problem|issue|cry|crying|fight|fighting|argu\w+|drinking|eating|pain|hurt)\b`,
  'i',
);

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The kinds a sentence is, by content; the speaker's role only narrows when it is known (a
 * clinician's "I feel" is not the client's concern). With roles unknown, content alone decides.
 */
export function kindsOf(sentence: TranscriptSentence): Set<SentenceKind> {
  const { text } = sentence;
  const role = roleOf(sentence.speaker);
  const kinds = new Set<SentenceKind>();
  const words = wordCount(text);
  if (words < 3) return kinds;
  const straight = text.replace(/[’‘]/g, "'");
  // A question asks for a rating, a score or a dose; the answer is what a note records.
  const question = straight.trimEnd().endsWith('?');
  if (!question && RATING.test(straight)) kinds.add('rating');
  if (!question && MEASURE.test(straight) && /\d|\b(?:score|scored)\b/i.test(straight))
    kinds.add('measure');
  if (!question && USE_QUANTITY.test(straight)) kinds.add('measure');
  if (HOMEWORK.test(straight)) kinds.add('homework');
  if (!question && role !== 'clinician' && SAFETY.test(straight)) kinds.add('safety');
  if (!question && MEDICATION.test(straight)) kinds.add('medication');
  if (NEXT_APPOINTMENT.test(straight)) kinds.add('next_appointment');
  if (PLAN.test(straight)) kinds.add('plan');
  if (role !== 'client' && INTERVENTION.test(straight)) kinds.add('intervention');
  if (role !== 'clinician' && RESPONSE.test(straight)) kinds.add('response');
  if (role !== 'client' && REFLECTION.test(straight)) kinds.add('reflection');
  if (GOAL.test(straight)) kinds.add('goal');
  if (
    role !== 'clinician' &&
    words >= 5 &&
    !straight.endsWith('?') &&
    FIRST_PERSON.test(straight) &&
    CONCERN.test(straight)
  )
    kinds.add('concern');
  return kinds;
}

/** Concerns early in the session and longer, substantive sentences come first. */
export function concernScore(sentence: TranscriptSentence, total: number): number {
  const early = total > 0 ? 1 - sentence.index / total : 0;
  return early * 2 + Math.min(wordCount(sentence.text), 25) / 25;
}
