import type { Topic } from './topic-types';

/** Anxiety, trauma and skills topics of the generated library (fictional). */
export const ANXIETY_TOPICS: readonly Topic[] = [
  {
    id: 'panic',
    title: 'Panic attacks',
    client: [
      'I had a panic attack {in the supermarket|on the train|at the checkout} on {day}.',
      'My heart was {pounding|racing} and I {was sure|honestly thought} I was {dying|having a heart attack}.',
      "I couldn't breathe, my hands went {tingly|numb} and I had to {sit on the floor|get off the bus}.",
      'It came out of nowhere, {ten minutes|a few minutes} of pure terror and then {I was wiped out|I shook for an hour}.',
      "I've started avoiding {the tube|crowded shops|motorways} in case it happens again.",
      'I ended up in A and E {thinking|convinced} it was my heart but they said {it was anxiety|everything was normal}.',
    ],
    clinician: [
      'Let us go through the panic cycle: sensation, catastrophic thought, more sensation.',
      'What did you tell yourself the racing heart meant?',
      'We will try some interoceptive exposure, like spinning in the chair, to make the sensations less frightening.',
      'How long did it last, and what happened when it peaked?',
    ],
    note: [
      'Client reports recurrent panic attacks with palpitations and fear of dying.',
      'Psychoeducation on the panic cycle; catastrophic misinterpretation of bodily sensations identified.',
      'Avoidance of public transport maintaining the panic.',
    ],
  },
  {
    id: 'exposure',
    title: 'Exposure homework',
    client: [
      'I {did|managed} the {lift|escalator|bus} step on the ladder {three times|twice} this week.',
      'My anxiety started at an {eight|nine} and came down to a {three|four} after about {twenty|forty} minutes.',
      "I {stayed|didn't run}, even though every bit of me wanted to leave.",
      'I {skipped|dodged} the {homework|practice} on {day} because I {chickened out|lost my nerve}.',
      'I {went into|stood in} the {busy café|shopping centre} and {waited for the fear to drop|let the fear peak and fade}.',
      'Next on the hierarchy is {driving on the motorway|the cinema|a full train}, and that terrifies me.',
    ],
    clinician: [
      'Let us pick the next step on your fear hierarchy.',
      'Stay in the situation until the anxiety drops by half, without safety behaviours.',
      'Record your SUDS ratings before, during and after each practice.',
      'What safety behaviours crept in, like holding your phone or sitting by the door?',
    ],
    note: [
      'Graded exposure homework reviewed; SUDS ratings decreased within sessions.',
      'Next step on the exposure hierarchy agreed.',
      'Safety behaviours identified and targeted for fading.',
    ],
  },
  {
    id: 'social_anxiety',
    title: 'Social anxiety',
    client: [
      'I {rehearsed|practised} what to say for an hour and then {froze|went blank} in the meeting.',
      "I'm {convinced|sure} everyone can see me {blushing|shaking|sweating}.",
      'I {left|skipped} the {party|work drinks|wedding} after ten minutes because I felt everyone staring.',
      'I replay conversations for days, {picking apart|going over} every {word|stupid thing I said}.',
      'Ordering {food|a coffee} on the phone is {impossible|still hard} for me.',
    ],
    clinician: [
      'What did you predict people would think, and what actually happened?',
      'Let us shift attention outward, onto the conversation instead of yourself.',
      'What would happen if you dropped the rehearsing for one conversation?',
    ],
    note: [
      'Social anxiety with post-event rumination and self-focused attention.',
      'Behavioural experiment planned to test predictions about negative evaluation.',
    ],
  },
  {
    id: 'health_anxiety',
    title: 'Health anxiety',
    client: [
      'I {googled|looked up} the {headache|lump|mole} and ended up convinced it was {cancer|a tumour}.',
      'I {checked|felt} my {glands|neck} {twenty|fifty} times yesterday.',
      'The {GP|doctor} said the {tests|bloods} were {fine|normal} but the relief lasted an hour.',
      'Every {twinge|ache} feels like the start of something {terrible|serious}.',
      'I {booked|asked for} another scan even though they said I didn’t need it.',
    ],
    clinician: [
      'What happens to the worry after you check, in the short and the long run?',
      'Let us try a week of no body checking and no searching symptoms online.',
      'Reassurance works like a loan: relief now, more doubt later.',
    ],
    note: [
      'Health anxiety maintained by body checking and reassurance seeking.',
      'Agreed to reduce symptom searching and medical reassurance seeking.',
    ],
  },
  {
    id: 'ocd',
    title: 'Obsessive-compulsive symptoms',
    client: [
      'I {went back|returned} to check the {oven|front door|hair straighteners} {six|eight} times before work.',
      'I get these {horrible|awful} pictures in my head of {hurting someone|the baby falling}.',
      'I wash my hands until they {crack|bleed}, and it still doesn’t feel clean.',
      'If I {don’t count|don’t tap} to {eight|four} something bad will happen to {my family|{child}}.',
      'I know it makes no sense, but the doubt is unbearable until I {check|redo it}.',
    ],
    clinician: [
      'Thoughts are not actions; the content of an intrusive thought says nothing about you.',
      'Let us plan exposure with response prevention: touch the door once and walk away.',
      'What rituals are you doing in your head, like counting or praying?',
    ],
    note: [
      'Obsessive intrusive thoughts with checking and washing compulsions.',
      'ERP hierarchy drafted; client to delay checking rituals by fifteen minutes.',
    ],
  },
  {
    id: 'trauma',
    title: 'Trauma memories',
    client: [
      'I had the {nightmare|dream} about the {crash|attack|fire} again, {three|two} nights running.',
      'A {car horn|smell of smoke|man in a hoodie} and suddenly I was back there.',
      'I {jump|flinch} at every {noise|door slam}, I’m on edge all the time.',
      "I can't {go near|drive past} the {junction|street|station} where it happened.",
      'It feels like it’s happening {now|all over again}, not like a memory.',
    ],
    clinician: [
      'Let us ground: name five things you can see and four you can hear.',
      'In the reliving we will go slowly and you can stop at any point.',
      'What meaning did you take from what happened, about yourself?',
    ],
    note: [
      'Trauma-related intrusions: nightmares, flashbacks, hypervigilance and avoidance.',
      'Grounding skills practised; trauma-focused work paced to tolerance.',
    ],
  },
  {
    id: 'work_stress',
    title: 'Work stress',
    client: [
      'My {manager|boss} {dumped|piled} another project on me on {day} and I {just|} said yes.',
      "I'm answering emails at {eleven|midnight} and {weekends|Sundays} too.",
      'There’s {talk of|rumours about} {redundancies|restructuring} and I can’t focus.',
      "I {dread|can't face} Monday mornings, I feel sick {on the way in|walking into the office}.",
      'The {deadlines|targets} are {impossible|unrealistic} and I’m the one who stays late.',
      'I {think|worry} I’m heading for burnout, I’ve got nothing left by Wednesday.',
    ],
    clinician: [
      'What would it look like to set one boundary around your working hours?',
      'Let us separate what is in your control at work from what is not.',
      'How are you recovering in the evenings, if at all?',
    ],
    note: [
      'Occupational stress with long hours and difficulty setting limits with the manager.',
      'Discussed workload boundaries and signs of burnout.',
    ],
  },
  {
    id: 'exams',
    title: 'Study and exam stress',
    client: [
      'My {finals|exams|dissertation deadline} {are|is} in {three|two} weeks and I haven’t started revising.',
      'I sat in the {library|exam hall} and my mind went {completely blank|white}.',
      'If I {fail|don’t get a first} my {parents|dad} will be {so disappointed|furious}.',
      "I've been {pulling all-nighters|cramming} and living on energy drinks.",
    ],
    clinician: [
      'Let us build a revision timetable with breaks in it.',
      'What does failing this exam mean to you?',
      'Exam nerves are normal; what helps you settle in the first five minutes?',
    ],
    note: [
      'Academic stress ahead of examinations; fear of disappointing parents.',
      'Study plan and test-anxiety strategies discussed.',
    ],
  },
  {
    id: 'focus',
    title: 'Attention and procrastination',
    client: [
      'I {sat down|tried} to do the {tax return|report|forms} and {an hour later|three hours later} I was still on my phone.',
      "I start ten things and finish none, {my head's all over the place|I'm all over the place}.",
      'I {forgot|missed} {another|the} appointment, I had it in three calendars.',
      'The {ADHD|attention} assessment {letter came|is booked} for {next month|the spring}.',
      'I only get things done at the last minute when the panic kicks in.',
    ],
    clinician: [
      'Let us break the task into fifteen-minute chunks with a timer.',
      'What happens right before you pick up the phone instead?',
      'Body doubling helps some people; could you work alongside someone?',
    ],
    note: [
      'Difficulties with attention, organisation and procrastination reviewed.',
      'Timer-based task chunking agreed; awaiting ADHD assessment.',
    ],
  },
  {
    id: 'breathing',
    title: 'Relaxation and mindfulness practice',
    client: [
      'I did the {breathing|box breathing} {exercise|practice} {most mornings|every night} this week.',
      'The {body scan|meditation} recording put me to sleep, {is that okay|which I guess is fine}.',
      'I {tried|used} the {four-seven-eight|slow} breaths in the car park and it {took the edge off|calmed me down}.',
      'My mind wanders off {constantly|every few seconds} when I try to {meditate|be present}.',
    ],
    clinician: [
      'Noticing the mind wander and bringing it back is the practice itself.',
      'Let us do three minutes of paced breathing together now.',
      'Try the breathing space before the hardest part of your day.',
    ],
    note: [
      'Mindfulness and paced breathing practice reviewed; regular home practice reported.',
      'Three-minute breathing space taught in session.',
    ],
  },
  {
    id: 'thought_records',
    title: 'Cognitive restructuring',
    client: [
      'I filled in the {thought record|worksheet} when {my friend didn’t text back|I wasn’t invited}.',
      'The automatic thought was {they hate me|I’m going to get fired|I ruin everything}.',
      'When I {looked for|wrote down} the evidence against it, the belief dropped from {ninety|eighty} to {forty|fifty}.',
      'I {can spot|am noticing} the {mind reading|catastrophising|black and white thinking} now.',
    ],
    clinician: [
      'What is the evidence for and against that thought?',
      'Which thinking trap does that sound like?',
      'Let us come up with a more balanced alternative thought.',
    ],
    note: [
      'Thought records reviewed; client identifying cognitive distortions with increasing skill.',
      'Belief ratings in automatic thoughts reduced after restructuring.',
    ],
  },
];
