/**
 * What a session holds besides its topics: back-channel, small talk and therapy talk that could
 * belong to any topic. It carries no topic signal, so a search has to find the topic among it, as
 * in a real transcript. A few lines use a topic's words in passing ("I slept through the alarm"),
 * which a keyword search cannot tell from the topic itself.
 */
export const BACKCHANNEL: readonly string[] = [
  'Mm-hmm.',
  'Okay.',
  'Right.',
  'Yeah.',
  'Yes.',
  'Mm.',
  'Sure.',
  'I see.',
  'Go on.',
  'Uh-huh.',
  'Yeah, yeah.',
  'Okay, okay.',
  'Right, right.',
  'No, no.',
  'I know.',
  'Exactly.',
  'Hmm.',
  'Totally.',
];

export const SMALL_TALK: readonly string[] = [
  'How was your week?',
  'Did you find parking all right?',
  'The {traffic|rain|wind} was {awful|mad|unreal} on the way in.',
  'Sorry I’m a {few minutes|bit} late, the {bus|train} was delayed.',
  'Can I grab a glass of water before we start?',
  'Is the room warm enough for you?',
  'We went to my {cousin’s|nephew’s|friend’s} {wedding|birthday|barbecue} on {day}.',
  'The {dog|cat} has been {unwell|a menace|hilarious} this week.',
  'I slept through the alarm on {day}, the phone died overnight.',
  'We finally {painted the hallway|fixed the boiler|got the car back}.',
  'I watched that {series|documentary} you mentioned, it was {good|okay|a bit slow}.',
  'It’s been so {busy|quiet} at home with the {school holidays|builders in}.',
  'My phone keeps buzzing, let me put it on silent.',
  'Same time next week?',
  'We have about ten minutes left.',
  'Let me just check the calendar for the next appointment.',
];

/** Therapy talk any session has, on any topic. */
export const CLINICIAN_GENERAL: readonly string[] = [
  'What would you like to focus on today?',
  'Can you tell me more about that?',
  'How did that feel in the moment?',
  'It sounds like {that was really hard|a lot has happened|you carried a lot this week}.',
  'What did you notice in your body?',
  'What went through your mind right then?',
  'Let us pause there for a second.',
  'What helped, even a little?',
  'I am wondering what that was like for you.',
  'That makes a lot of sense given what you have been through.',
  'Let us look at the homework from last week.',
  'What would you like to take away from today?',
  'On a scale from one to ten, how strong was it?',
  'Let us summarise what we covered before we finish.',
];

export const CLIENT_GENERAL: readonly string[] = [
  'I don’t know, it’s {hard|difficult} to put into words.',
  'I {guess|suppose} {it was|it’s been} {a mixed week|up and down|not too bad}.',
  'I {thought about|remembered} what you said last time.',
  'It’s {kind of|sort of} hard to explain.',
  'Yeah, I think that’s {fair|right|true}.',
  'I {wrote it down|made a note} so I wouldn’t forget to tell you.',
  'I’m not sure where to start today.',
  'That’s a good question, {I’ve never thought about it|let me think}.',
  'Honestly, {some of it|a bit of it} {went well|was fine}, {some of it|the rest} didn’t.',
  'I felt {a bit|quite} {better|lighter} after last session.',
  'It {comes and goes|depends on the day}.',
  'I {didn’t|did not} get round to the worksheet, sorry.',
];
