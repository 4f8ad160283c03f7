/**
 * The only sentences a client's guide is made of: Cairn's own, short and plain (each written to
 * read at grade 8 or below), chosen by vocabulary id. Nothing from a note or a transcript can
 * reach the guide, so it cannot hold a name, a date, a place or a quote.
 */

export interface ThemePhrase {
  /** How the topic is named to the client. */
  topic: string;
  /** Something to think about before the session. */
  prompt: string;
}

export const THEME_PHRASES: Record<string, ThemePhrase> = {
  work_anxiety: {
    topic: 'worry about work',
    prompt: 'When did work worry you most this week? What did you do next?',
  },
  anxiety: {
    topic: 'worry and feeling on edge',
    prompt: 'Think of one time you felt worried this week. What helped, even a little?',
  },
  work_stress: {
    topic: 'stress at work',
    prompt: 'What part of work felt heavy this week? What part felt easier?',
  },
  low_mood: {
    topic: 'low mood',
    prompt: 'Which day felt a bit better than the others? What was different that day?',
  },
  sleep: {
    topic: 'sleep',
    prompt: 'How have your nights been? Notice when you went to bed and when you woke up.',
  },
  suicidal_ideation: {
    topic: 'staying safe',
    prompt: 'Keep your safety plan close. Bring any questions about it to the session.',
  },
  self_harm: {
    topic: 'staying safe',
    prompt: 'Keep your safety plan close. Bring any questions about it to the session.',
  },
  grief: {
    topic: 'loss and grief',
    prompt: 'Were there moments this week when the loss felt close? What did you need then?',
  },
  relationship: {
    topic: 'your relationships',
    prompt: 'Think of one talk with someone close to you. What went well? What was hard?',
  },
  family: {
    topic: 'family',
    prompt: 'What happened at home this week that you would like to talk about?',
  },
  parenting: {
    topic: 'being a parent',
    prompt: 'Think of one moment with your child this week that you felt good about.',
  },
  trauma: {
    topic: 'hard memories',
    prompt: 'You choose what to share and when. Notice what helps you feel steady.',
  },
  substance_use: {
    topic: 'drinking or drug use',
    prompt: 'Notice when you wanted to drink or use this week, and what you did.',
  },
  anger: {
    topic: 'anger',
    prompt: 'Think of a time you felt angry this week. What happened just before?',
  },
  self_esteem: {
    topic: 'how you see yourself',
    prompt: 'Write down one thing you did this week that you are glad you did.',
  },
  stress: {
    topic: 'stress',
    prompt: 'What added to your stress this week? What took some away?',
  },
  loneliness: {
    topic: 'feeling alone',
    prompt: 'Was there a time this week you felt a bit more connected? Who was there?',
  },
  ocd: {
    topic: 'unwanted thoughts and urges',
    prompt: 'Notice when the urges were strong and when they were weaker.',
  },
  eating: {
    topic: 'eating',
    prompt: 'Notice how your meals went this week, without judging them.',
  },
  attention: {
    topic: 'focus',
    prompt: 'When was it easier to focus this week? What was around you then?',
  },
  health: {
    topic: 'your health',
    prompt: 'How has your body felt this week? Bring any changes you noticed.',
  },
  life_transition: {
    topic: 'changes in your life',
    prompt: 'What has changed lately? What has stayed the same?',
  },
};

/** Frameworks as a client hears them: what you have been practising together. */
export const FRAMEWORK_PHRASES: Record<string, string> = {
  cognitive_restructuring: 'noticing your thoughts and checking how true they are',
  cbt: 'seeing how thoughts, feelings and actions affect each other',
  behavioural_activation: 'planning small activities that matter to you',
  exposure: 'facing feared things step by step',
  act: 'making room for hard feelings and doing what matters to you',
  dbt: 'skills for strong feelings and tough moments',
  mindfulness: 'paying attention to the present moment',
  relaxation: 'slowing your breathing and relaxing your body',
  sleep_hygiene: 'habits that help you sleep',
  motivational_interviewing: 'talking through what you want to change and why',
  psychoeducation: 'learning how your feelings and body work',
  problem_solving: 'breaking problems into small steps',
  grounding: 'ways to feel steady when feelings are strong',
  safety_planning: 'your safety plan',
  emdr: 'working through hard memories in a safe way',
  psychodynamic: 'looking at patterns from your past and present',
  solution_focused: 'noticing what already works for you',
  emotionally_focused: 'sharing feelings and needs with your partner',
  gottman: 'ways to talk and repair after a fight',
  family_systems: 'how your family works together',
  interpersonal: 'your relationships and how they affect your mood',
  narrative: 'the story you tell about your life',
  schema: 'old patterns and how to meet your needs',
};
