import type { Topic } from './topic-types';

/** Relationship and family topics of the generated library (fictional). */
export const RELATION_TOPICS: readonly Topic[] = [
  {
    id: 'couple_conflict',
    title: 'Couple conflict',
    client: [
      '{partner} and I had {a huge row|another fight|a blazing argument} about {money|the washing up|his mother|her job}.',
      'We {just|} keep having the same argument {over and over|on a loop}.',
      '{partner} {shuts down|goes silent|walks out} whenever I {bring it up|try to talk}.',
      "We haven't {had a proper conversation|been on a date|slept in the same room} in {weeks|months}.",
      'I feel like {partner} {never listens|criticises everything I do}.',
      'We tried the {speaker-listener|time-out} thing and it {actually worked|fell apart after five minutes}.',
    ],
    clinician: [
      'Let us slow the argument down and look at what each of you was feeling underneath.',
      'When {partner} goes quiet, what do you make that mean?',
      'Try starting with "I feel" rather than "you always".',
      'What would a repair attempt look like for the two of you?',
    ],
    note: [
      'Couple reports recurrent conflict with a pursue-withdraw pattern.',
      'Practised speaker-listener technique; repair attempts discussed.',
      'Both partners agreed to a weekly check-in conversation.',
    ],
  },
  {
    id: 'boundaries_parents',
    title: 'Boundaries with parents',
    client: [
      'My {mum|dad|mother} {turned up|let herself in} {unannounced|without asking} again on {day}.',
      'I said no to {Sunday lunch|Christmas at theirs} and the guilt trip lasted {all week|days}.',
      'My {mum|dad} still {comments on|criticises} {my weight|my job|how I raise {child}}.',
      "I'm {thirty-five|forty} and I still feel like a child when I'm around my {parents|mother}.",
      'I {finally|actually} told my {mum|father} I needed space, and {she cried|he hung up}.',
    ],
    clinician: [
      'What would a boundary with your parents sound like, in one sentence?',
      'Guilt is not proof you did something wrong; it can be the cost of changing a pattern.',
      'Let us role-play the conversation with your mother.',
    ],
    note: [
      'Explored enmeshment with family of origin and difficulty setting limits with parents.',
      'Role-played assertive boundary setting with mother.',
    ],
  },
  {
    id: 'parenting',
    title: 'Parenting',
    client: [
      '{child} {refuses|won’t} go to school and every morning is a {battle|war}.',
      'I {shouted at|lost my temper with} {child} and {then I hated myself|I felt like a terrible parent}.',
      '{child} is {glued to|on} the phone {until two in the morning|all night}.',
      'The school {rang|called} about {child} {again|fighting|skipping lessons}.',
      'I {don’t know|have no idea} how to talk to {child} anymore, {they just|} {grunt|slam the door}.',
    ],
    clinician: [
      'What does {child} need from you when things escalate?',
      'Let us plan one calm, consistent consequence for the phone.',
      'Special time, even ten minutes a day, can change the tone between you.',
    ],
    note: [
      'Parenting stress regarding child behaviour and school refusal.',
      'Discussed consistent limits and daily one-to-one time with the child.',
    ],
  },
  {
    id: 'separation',
    title: 'Separation and divorce',
    client: [
      'The {divorce|separation} papers {came through|arrived} on {day} and I just sat on the stairs.',
      'We’re {splitting|dividing} the {house|furniture|savings} and it’s {brutal|so bitter}.',
      'Handing {child} over every other weekend {breaks my heart|guts me}.',
      'I never thought I’d be {single at fifty|starting over|living alone} again.',
      "My ex's {lawyer|solicitor} wants {everything|the house}.",
    ],
    clinician: [
      'Endings bring grief too, even when they are the right decision.',
      'How are you looking after yourself through the legal process?',
      'What does a good handover look like for {child}?',
    ],
    note: [
      'Adjustment to marital separation; legal proceedings ongoing.',
      'Co-parenting arrangements and loss of the relationship explored.',
    ],
  },
  {
    id: 'caregiving',
    title: 'Caring for a parent',
    client: [
      "Dad's {dementia|memory} is {getting worse|worse}, he didn't know who I was on {day}.",
      'I {drive over|go round} {every evening|twice a day} to {give Mum her tablets|make his tea}.',
      'I’m {resentful|so tired} and then I feel guilty for {resenting|being angry with} {them|him}.',
      'The {care home|nursing home} waiting list is {months|a year} long.',
      "I haven't had a {day off|break|holiday} in {two years|eighteen months}.",
    ],
    clinician: [
      'Carers often forget they need care too; what support is available to you?',
      'Let us look at respite options and who else could share the load.',
      'Resentment and love can sit side by side.',
    ],
    note: [
      'Carer strain related to parent with dementia; limited respite.',
      'Signposted to carers support and respite services.',
    ],
  },
  {
    id: 'abuse',
    title: 'Domestic abuse',
    client: [
      "{partner} {checks|goes through} my phone and {decides|controls} who I'm allowed to see.",
      '{partner} {grabbed|pushed} me {against the wall|into the door} on {day}.',
      "I'm {scared|frightened} of what {partner} will do if I {leave|tell anyone}.",
      '{partner} {takes|keeps} my {wages|bank card} and I have to ask for money.',
      'I walk on eggshells {all the time|every evening} waiting for {the mood|the temper} to turn.',
    ],
    clinician: [
      'I am concerned about your safety at home. Is it safe for you to talk now?',
      'Let us think about a safety plan if you need to leave quickly.',
      'What you are describing is controlling behaviour, and it is not your fault.',
    ],
    note: [
      'Client disclosed coercive control and physical aggression by partner.',
      'Domestic abuse risk assessment completed; safety planning and support services discussed.',
    ],
    risk: 'abuse',
  },
  {
    id: 'postpartum',
    title: 'Postpartum adjustment',
    client: [
      "Since the baby came {I don't feel like myself|I feel like a stranger to myself}.",
      'I {love her|love him} but I don’t feel {that rush|bonded} everyone talks about.',
      'The {night feeds|feeds every two hours} {are|have been} {destroying me|brutal}.',
      'I {get|have} these {scary thoughts|images} of {dropping|hurting} the baby and it terrifies me.',
      'Everyone asks about the baby, nobody asks {how I am|about me}.',
    ],
    clinician: [
      'Many new parents have frightening intrusive thoughts; having them does not mean you will act.',
      'Who can take a night feed so you get one block of sleep?',
      'Let us look at the Edinburgh scale together.',
    ],
    note: [
      'Postnatal low mood and intrusive harm-related thoughts (ego-dystonic).',
      'Normalised intrusive thoughts; increased practical support with night feeds.',
    ],
  },
  {
    id: 'friendship',
    title: 'Friendship conflict',
    client: [
      'My {best friend|oldest friend} {didn’t invite me|left me out} of the {hen do|holiday|birthday}.',
      'I {always|} do the {inviting|texting} and if I stopped I don’t think {she|they} would notice.',
      'We {fell out|had words} over {money I lent her|something she said about {partner}}.',
      'I saw the photos on Instagram and {felt sick|my stomach dropped}.',
    ],
    clinician: [
      'What do you need from this friendship, and is it possible here?',
      'Could you tell her how it felt without blaming?',
      'Not every friendship is meant to last; what do you want to do?',
    ],
    note: [
      'Interpersonal difficulties in a close friendship; feeling excluded.',
      'Explored options for an honest conversation with the friend.',
    ],
  },
  {
    id: 'identity',
    title: 'Identity and coming out',
    client: [
      'I {told|came out to} my {sister|brother|best friend} that I’m {gay|bi|queer} and she {hugged me|was amazing}.',
      "I'm terrified of telling my {parents|dad} because of {their church|what they said about my cousin}.",
      'I {went to|found} an {LGBTQ group|Pride meetup} and for once I felt {normal|at home}.',
      "I've spent years {pretending|hiding who I am} and it’s exhausting.",
    ],
    clinician: [
      'You get to decide who you tell, and when.',
      'What would it mean to you to be fully yourself with your family?',
      'Who are the people who already see you as you are?',
    ],
    note: [
      'Explored sexual identity and coming out; fear of family rejection.',
      'Identified affirming supports and community connection.',
    ],
  },
  {
    id: 'assertiveness',
    title: 'Assertiveness',
    client: [
      'I {said yes|agreed} to {covering|taking} {another shift|the extra project} when I {wanted|meant} to say no.',
      "I {can't|never} send food back even when it's {wrong|cold}.",
      'I {finally|actually} asked for {the raise|a day off} and {they said yes|it went fine}.',
      "I'm {a doormat|a pushover}, everyone knows I’ll {do it|pick up the slack}.",
    ],
    clinician: [
      'Let us practise a clear, polite no in session.',
      'Try the broken record: calmly repeat your request.',
      'What do you fear will happen if you say no?',
    ],
    note: [
      'Assertiveness skills practised; difficulty refusing requests explored.',
      'Client reported a successful assertive request at work.',
    ],
  },
  {
    id: 'relocation',
    title: 'Moving and relocation',
    client: [
      'We {moved|relocated} to {Leeds|a new city|the coast} for {partner}’s job and I don’t know a soul.',
      'The {flat|house} still has boxes {everywhere|in every room}, I can’t face unpacking.',
      'I miss {home|my old life|my friends back home} more than I expected.',
      'Starting {a new job|over} in a place where {nobody knows me|I know nobody} is {lonely|hard}.',
    ],
    clinician: [
      'Moves are a loss as well as a change; what did you leave behind?',
      'What could help this new place begin to feel like yours?',
    ],
    note: [
      'Adjustment difficulties following relocation; loss of social network.',
      'Planned steps to build local connections.',
    ],
  },
];
