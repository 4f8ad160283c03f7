import type { Topic } from './topic-types';

/** Substance, body, money and therapy-process topics of the generated library (fictional). */
export const BODY_TOPICS: readonly Topic[] = [
  {
    id: 'alcohol',
    title: 'Alcohol use',
    client: [
      'I {had|got through} {a bottle|two bottles} of wine on {day}, {on my own|by myself}.',
      "I've been drinking {every night|most nights} just to {take the edge off|switch off}.",
      'I woke up and couldn’t remember {getting home|how I got to bed}.',
      'I {did|managed} {four|five} dry days this week, {which is a record|the most in ages}.',
      'A {couple of|few} beers turns into {eight|ten} {before I notice|without me noticing}.',
      'I {hid|stashed} the {empties|bottles} in the recycling so {partner} wouldn’t see.',
    ],
    clinician: [
      'How many units would you say you had across the week?',
      'What is the drink doing for you in that moment?',
      'Let us look at the high-risk times and plan an alternative for each.',
      'Have you had any shakes or sweats in the mornings?',
    ],
    note: [
      'Alcohol use above recommended limits; drinking to cope with stress.',
      'AUDIT completed; harm reduction goals and drink diary agreed.',
      'Client achieved several alcohol-free days this week.',
    ],
    risk: 'substance',
  },
  {
    id: 'cannabis',
    title: 'Cannabis use',
    client: [
      'I smoke {a joint|weed} {every night|before bed} or I can’t {sleep|unwind}.',
      'I {tried to|wanted to} cut down on the {weed|smoking} but I was {so irritable|climbing the walls}.',
      "I'm spending {forty|sixty} quid a week on {it|gear} that I don’t have.",
      'When I’m stoned I {get paranoid|feel like people are watching me}.',
    ],
    clinician: [
      'What does cannabis help with, and what does it cost you?',
      'Let us set a goal for the number of smoke-free evenings.',
      'Withdrawal irritability usually eases in a couple of weeks.',
    ],
    note: [
      'Daily cannabis use for sleep and stress; some paranoia when intoxicated.',
      'Motivational interviewing around reducing cannabis use.',
    ],
    risk: 'substance',
  },
  {
    id: 'gambling',
    title: 'Gambling',
    client: [
      'I {lost|blew} {three hundred|five hundred} quid on the {slots|roulette app|football} on {day}.',
      'I {chase|keep chasing} the losses, {I tell myself|thinking} one more bet will win it back.',
      '{partner} doesn’t know about the {credit card|loan} I took out.',
      'I {deleted|uninstalled} the {betting apps|app} and {signed up for|set up} self-exclusion.',
    ],
    clinician: [
      'What happens in your body right before you place a bet?',
      'Let us put barriers in place: blocking software, handing over the cards.',
      'Chasing losses is the trap; the odds do not remember what you lost.',
    ],
    note: [
      'Problem gambling with loss chasing and concealed debt.',
      'Gambling blocking software and self-exclusion agreed.',
    ],
  },
  {
    id: 'medication',
    title: 'Medication side effects',
    client: [
      'Since {starting|upping} the {drug} I {feel sick|feel nauseous} {every morning|after breakfast}.',
      'The {drug} {makes me|leaves me} {so drowsy|foggy|like a zombie} I can’t think at work.',
      "I've {put on|gained} {a stone|half a stone} since I {went on|started} the {drug}.",
      'I {stopped|skipped} the {drug} for a few days and {felt dizzy|had these brain zaps}.',
      'The GP {put me up to|increased me to} {fifty|a hundred} milligrams of {drug}.',
      'My libido {has gone|disappeared} on these tablets, {which is|and that’s} {embarrassing|awkward}.',
    ],
    clinician: [
      'Have you been able to talk to your prescriber about the side effects?',
      'Please do not stop the medication suddenly; let us bring it to the GP.',
      'How is the medication helping with your mood, alongside the side effects?',
    ],
    note: [
      'Client reports side effects of {drug} (nausea, sedation, weight gain).',
      'Advised not to discontinue abruptly; to discuss with prescriber.',
      'Medication adherence and discontinuation symptoms reviewed.',
    ],
  },
  {
    id: 'chronic_pain',
    title: 'Chronic pain',
    client: [
      'My {back|neck|hip} has been {agony|killing me} all week, I could barely {walk|get up the stairs}.',
      'The {pain|flare-up} {wiped out|ruined} the whole weekend.',
      "I push through on good days and then I'm {in bed|flat out} for three days.",
      'The {physio|pain clinic} said to {pace myself|do little and often} but I hate being slow.',
    ],
    clinician: [
      'Let us look at pacing: a baseline you can do even on a bad day.',
      'What does the pain stop you doing that matters to you?',
      'Pain and mood feed each other; how is the low mood on flare days?',
    ],
    note: [
      'Chronic pain with a boom-and-bust activity pattern.',
      'Activity pacing introduced; acceptance-based approach to pain discussed.',
    ],
  },
  {
    id: 'eating',
    title: 'Eating difficulties',
    client: [
      'I {binged|ate everything in the cupboard} on {day} and then {made myself sick|felt disgusting}.',
      "I {skip|went without} breakfast and lunch {to make up for it|so I'd earned dinner}.",
      'I {weigh myself|get on the scales} {three|five} times a day.',
      'Food is all I think about, {counting|adding up} every calorie.',
    ],
    clinician: [
      'Regular eating, three meals and two snacks, is the first step.',
      'Restriction tends to set up the next binge; let us look at that cycle.',
      'Have you had any dizziness or fainting?',
    ],
    note: [
      'Binge-restrict cycle with compensatory behaviour reported.',
      'Regular eating plan introduced; medical monitoring with GP recommended.',
    ],
  },
  {
    id: 'body_image',
    title: 'Body image',
    client: [
      "I {can't look|hate looking} in the mirror, {all I see|I only see} is {my stomach|the fat}.",
      'I {cancelled|bailed on} the {swimming|beach trip} because I couldn’t face a swimsuit.',
      'I {compare|measure} myself to everyone on {Instagram|TikTok} and always come off worse.',
      'I {changed|tried on} {five|six} outfits and still didn’t leave the house.',
    ],
    clinician: [
      'What does your body let you do that you value?',
      'Let us try a week with less time on the accounts that make you feel worse.',
    ],
    note: [
      'Body dissatisfaction with checking and avoidance behaviours.',
      'Social media use and comparison explored.',
    ],
  },
  {
    id: 'money',
    title: 'Financial worries',
    client: [
      'The {rent|mortgage} went up again and I {can’t make it|don’t know how we’ll pay}.',
      'I {don’t open|hide} the {bills|letters from the bank} and they’re piling up.',
      "I'm {three months|two months} behind on the {council tax|energy bill|credit card}.",
      'I {lie awake|sit up at night} doing sums that never add up.',
    ],
    clinician: [
      'Avoiding the letters makes sense, and it keeps the fear big; could we open one together?',
      'A free debt advice service could help you plan the repayments.',
    ],
    note: [
      'Financial strain with avoidance of bills and arrears.',
      'Signposted to free debt advice; plan to open post with support.',
    ],
  },
  {
    id: 'job_loss',
    title: 'Job loss and job search',
    client: [
      'They {let me go|made me redundant} on {day} after {twelve|eight} years.',
      "I've sent {forty|sixty} applications and {haven't heard back|got two rejections}.",
      'Without work I don’t know {who I am|what to do with myself all day}.',
      'I have an interview on {day} and I’m {terrified|dreading it}.',
    ],
    clinician: [
      'Losing a job can shake your sense of identity; what remains of who you are?',
      'Let us give the day some structure while you search.',
    ],
    note: [
      'Adjustment to redundancy; loss of role and routine.',
      'Job search structure and interview anxiety addressed.',
    ],
  },
  {
    id: 'progress_review',
    title: 'Progress review and ending',
    client: [
      'Looking back at {where I was|how I was} in {the spring|January}, I’m {a different person|doing so much better}.',
      "I'm {nervous|a bit scared} about {stopping|finishing} the sessions.",
      'I think I can {do this|manage} on my own now, {mostly|I hope}.',
      'The {scores|questionnaires} are {way down|so much lower} than when I started.',
    ],
    clinician: [
      'Let us write a relapse prevention plan: your warning signs and what helps.',
      'What have you learned here that you want to keep using?',
      'We could space out the sessions to fortnightly before we finish.',
    ],
    note: [
      'Treatment progress reviewed; outcome measures improved from baseline.',
      'Relapse prevention plan drafted; ending planned over the next sessions.',
    ],
  },
  {
    id: 'hopelessness',
    title: 'Hopelessness',
    client: [
      "What's the point, {nothing's ever going to change|it's always going to be like this}.",
      "I can't {picture|imagine} a future where I {feel okay|am happy}.",
      "I've tried {everything|all of it} and I'm {still stuck|no better}.",
      'Some mornings I wish I just hadn’t woken up.',
    ],
    clinician: [
      'Hopelessness is a symptom, not a forecast.',
      'When you say you wish you had not woken up, are you thinking of ending your life?',
      'What has kept you going so far, even on the worst days?',
    ],
    note: [
      'Client expressed hopelessness about the future; passive death wish, no plan or intent.',
      'Risk reviewed; reasons for living and crisis contacts revisited.',
    ],
    risk: 'self_harm',
  },
];
