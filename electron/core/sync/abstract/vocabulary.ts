/**
 * The closed vocabulary an abstract's themes and frameworks come from. Only these ids and labels
 * ever leave the device in those fields: a note's own words never pass through them, so nothing
 * the clinician wrote can leak by being "matched". Patterns are whole-word, case-insensitive,
 * read one sentence of the approved note at a time.
 */
export interface VocabularyTerm {
  id: string;
  label: string;
  /** Any one of these in a sentence matches the term. */
  patterns: readonly RegExp[];
  /** All of these groups must match in the same sentence (for compound themes). */
  requiresAll?: readonly (readonly RegExp[])[];
}

const words = (...phrases: string[]): RegExp[] =>
  phrases.map((phrase) => new RegExp(`\\b${phrase}\\b`, 'i'));

/** Therapeutic frameworks and techniques. */
export const FRAMEWORKS: readonly VocabularyTerm[] = [
  {
    id: 'cognitive_restructuring',
    label: 'cognitive restructuring',
    patterns: words(
      'cognitive restructuring',
      'reframe[sd]?',
      'reframing',
      'thought records?',
      'cognitive distortions?',
      'challeng(?:e|ed|ing) (?:the |her |his |their |negative |unhelpful )?thoughts?',
      'automatic thoughts?',
    ),
  },
  {
    id: 'cbt',
    label: 'cognitive behavioural therapy',
    patterns: words('cbt', 'cognitive[- ]behaviou?ral'),
  },
  {
    id: 'behavioural_activation',
    label: 'behavioural activation',
    patterns: words('behaviou?ral activation', 'activity scheduling', 'pleasant activit(?:y|ies)'),
  },
  {
    id: 'exposure',
    label: 'exposure therapy',
    patterns: words('exposure (?:therapy|hierarchy|exercises?|work)', 'erp', 'graded exposure'),
  },
  {
    id: 'act',
    label: 'acceptance and commitment therapy',
    patterns: [/\bACT\b/, ...words('acceptance and commitment', 'cognitive defusion', 'defusion')],
  },
  {
    id: 'dbt',
    label: 'dialectical behaviour therapy',
    patterns: words('dbt', 'dialectical', 'distress tolerance', 'emotion regulation skills?'),
  },
  { id: 'mindfulness', label: 'mindfulness', patterns: words('mindfulness', 'mindful') },
  {
    id: 'relaxation',
    label: 'relaxation and breathing techniques',
    patterns: words(
      'breathing (?:exercises?|techniques?)',
      'diaphragmatic breathing',
      'box breathing',
      'progressive muscle relaxation',
      'relaxation (?:exercises?|techniques?|training)',
    ),
  },
  {
    id: 'sleep_hygiene',
    label: 'sleep hygiene',
    patterns: words('sleep hygiene', 'wind[- ]down routine', 'stimulus control', 'cbt-i'),
  },
  {
    id: 'motivational_interviewing',
    label: 'motivational interviewing',
    patterns: words('motivational interviewing', 'decisional balance'),
  },
  { id: 'psychoeducation', label: 'psychoeducation', patterns: words('psycho-?education') },
  {
    id: 'problem_solving',
    label: 'problem-solving therapy',
    patterns: words('problem[- ]solving'),
  },
  {
    id: 'grounding',
    label: 'grounding techniques',
    patterns: words('grounding (?:techniques?|exercises?|skills?)', '5-4-3-2-1'),
  },
  { id: 'safety_planning', label: 'safety planning', patterns: words('safety plan(?:ning)?') },
  { id: 'emdr', label: 'EMDR', patterns: words('emdr', 'eye movement desensiti[sz]ation') },
  { id: 'psychodynamic', label: 'psychodynamic therapy', patterns: words('psychodynamic') },
  {
    id: 'solution_focused',
    label: 'solution-focused therapy',
    patterns: words('solution[- ]focused'),
  },
  {
    id: 'emotionally_focused',
    label: 'emotionally focused therapy',
    patterns: words('emotionally focused', 'eft'),
  },
  { id: 'gottman', label: 'Gottman method', patterns: words('gottman') },
  { id: 'family_systems', label: 'family systems therapy', patterns: words('family systems') },
  {
    id: 'interpersonal',
    label: 'interpersonal therapy',
    patterns: words('interpersonal therapy', 'ipt'),
  },
  {
    id: 'narrative',
    label: 'narrative therapy',
    patterns: words('narrative therapy', 'externali[sz]ing'),
  },
  { id: 'schema', label: 'schema therapy', patterns: words('schema therapy') },
];

const ANXIETY = words('anxiety', 'anxious', 'worr(?:y|ies|ied|ying)', 'panic', 'nervous');
const WORK = words(
  'work',
  'job',
  'workplace',
  'boss',
  'manager',
  'career',
  'colleagues?',
  'office',
);

/** Presenting themes; a compound theme comes first, so it is reported instead of its parts. */
export const THEMES: readonly VocabularyTerm[] = [
  {
    id: 'work_anxiety',
    label: 'work-related anxiety',
    patterns: [],
    requiresAll: [ANXIETY, WORK],
  },
  { id: 'anxiety', label: 'anxiety', patterns: ANXIETY },
  {
    id: 'work_stress',
    label: 'work stress',
    patterns: words('burn-?out', 'work stress', 'overwork'),
  },
  {
    id: 'low_mood',
    label: 'low mood and depression',
    patterns: words('depress(?:ion|ed|ive)', 'low mood', 'hopeless(?:ness)?', 'anhedonia'),
  },
  {
    id: 'sleep',
    label: 'sleep difficulties',
    patterns: words(
      'insomnia',
      'poor sleep',
      'sleep(?:ing)? (?:badly|poorly|problems?|difficult(?:y|ies))',
      'awake at night',
      'lies? awake',
    ),
  },
  {
    id: 'suicidal_ideation',
    label: 'suicidal ideation',
    patterns: words(
      'suicidal',
      'suicide',
      'passive (?:death wish|ideation)',
      'not (?:to )?wake up',
    ),
  },
  {
    id: 'self_harm',
    label: 'self-harm',
    patterns: words('self[- ]harm(?:ing)?', 'cutting herself', 'cutting himself'),
  },
  {
    id: 'grief',
    label: 'grief and loss',
    patterns: words('grie(?:f|ving)', 'bereave(?:d|ment)', 'mourning'),
  },
  {
    id: 'relationship',
    label: 'relationship difficulties',
    patterns: words('relationship', 'marriage', 'marital', 'partner', 'couple conflict', 'divorce'),
  },
  { id: 'family', label: 'family conflict', patterns: words('family (?:conflict|tension|stress)') },
  { id: 'parenting', label: 'parenting', patterns: words('parenting') },
  {
    id: 'trauma',
    label: 'trauma',
    patterns: words('trauma(?:tic)?', 'ptsd', 'flashbacks?', 'nightmares?'),
  },
  {
    id: 'substance_use',
    label: 'substance use',
    patterns: words('alcohol', 'drinking', 'substance use', 'cannabis', 'opioids?', 'relapse'),
  },
  { id: 'anger', label: 'anger', patterns: words('anger', 'angry', 'irritab(?:le|ility)') },
  {
    id: 'self_esteem',
    label: 'self-esteem',
    patterns: words('self-esteem', 'self-worth', 'self-critical'),
  },
  { id: 'stress', label: 'stress', patterns: words('stress(?:ed|ful)?', 'overwhelm(?:ed)?') },
  {
    id: 'loneliness',
    label: 'loneliness and isolation',
    patterns: words('lonel(?:y|iness)', 'isolat(?:ed|ion)'),
  },
  {
    id: 'ocd',
    label: 'obsessions and compulsions',
    patterns: words('ocd', 'obsessi(?:ve|ons?)', 'compulsi(?:ve|ons?)'),
  },
  {
    id: 'eating',
    label: 'eating concerns',
    patterns: words('eating disorder', 'binge(?:ing)?', 'restrict(?:ing|ive) eating'),
  },
  {
    id: 'attention',
    label: 'attention difficulties',
    patterns: words('adhd', 'attention difficult(?:y|ies)'),
  },
  {
    id: 'health',
    label: 'health and chronic pain',
    patterns: words('chronic pain', 'chronic illness', 'diagnosis'),
  },
  {
    id: 'life_transition',
    label: 'life transitions',
    patterns: words('life transitions?', 'retirement', 'moving house'),
  },
];
