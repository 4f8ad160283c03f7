import { RISK_CATEGORIES, type RiskCategory } from '../risk-categories';
import type { EmbeddedBanks } from './semantic-score';

/**
 * What the semantic layer compares each utterance with: first-person statements of risk, per
 * category, in the words a client might use in a session. Written from the clinical instruments,
 * not from any test set:
 *
 * - C-SSRS (Columbia Suicide Severity Rating Scale; Posner et al., 2011), screener items 1–6 and the
 *   examples of preparatory behaviour in its manual (collecting pills, obtaining a gun, giving
 *   valuables away, writing a note, an interrupted or aborted attempt);
 * - ASQ (Ask Suicide-Screening Questions, NIMH) and PHQ-9 item 9 ("better off dead, or of hurting
 *   yourself in some way");
 * - the warning signs of the Stanley–Brown Safety Planning Intervention and Joiner's interpersonal
 *   theory (hopelessness, feeling trapped, perceived burdensomeness, thwarted belonging);
 * - NICE guideline NG225 (self-harm) for the forms self-harm takes, and the usual screening questions
 *   for harm to others, abuse and substance crises.
 *
 * The contrast bank holds what sits close in meaning but is not a disclosure of one's own risk:
 * comfort and advice to someone else, talk about suicide in general, a clinician's questions and
 * plans, denials, and figures of speech. An utterance counts only when it is nearer the risk bank
 * than the contrast bank by a calibrated margin (see semantic-risk.ts).
 */
export const RISK_BANK: Readonly<Record<RiskCategory, readonly string[]>> = {
  suicidal_ideation_passive: [
    'I wish I was dead',
    'I wish I could go to sleep and not wake up',
    'sometimes I hope I just do not wake up in the morning',
    'everyone would be better off if I was dead',
    'my family would be better off without me',
    'I feel like a burden to everyone around me',
    'I do not see any reason to keep living',
    'I have nothing left to live for',
    'I am so tired of being alive',
    'I just want to disappear and never come back',
    'I do not want to be here anymore',
    'what is the point of living like this',
    'I feel trapped and there is no way out',
    'it feels hopeless, nothing is ever going to get better',
    'I would not care if a car hit me',
    'I wish I had never been born',
    'nobody would even notice if I was gone',
    'I cannot go on like this much longer',
    'death would be a relief',
    'I just want the pain to stop for good',
  ],
  suicidal_ideation_active: [
    'I have been having thoughts of killing myself',
    'I want to kill myself',
    'I keep thinking about ending my life',
    'I have been thinking about suicide a lot lately',
    'I feel suicidal',
    'I want to end it all',
    'part of me wants to take my own life',
    'I think about how I would do it, how I would kill myself',
    'the thought of suicide keeps coming back',
    'I am ready to be done with my life',
    'I tried to kill myself last year',
    'I attempted suicide when I was younger',
    'I almost went through with it last night',
  ],
  intent_or_plan: [
    'I have a plan for how I would kill myself',
    'I have been saving up my pills',
    'I bought a rope',
    'I keep a gun at home and I think about using it on myself',
    'I picked a date',
    'I wrote a suicide note',
    'I have been giving my things away',
    'I looked up how many pills it would take',
    'I am going to do it this weekend',
    'I stood on the bridge and thought about jumping',
    'I held the gun to my head',
    'I took the pills out but I did not swallow them',
    'I intend to act on these thoughts',
    'I made sure my affairs are in order so I can go',
    'I took a whole bottle of pills',
    'I tried to hang myself',
  ],
  self_harm: [
    'I have been cutting myself',
    'I cut my arms again last night',
    'I burn myself with cigarettes',
    'I hit myself when I get angry',
    'I scratch my skin until it bleeds',
    'I have urges to hurt myself',
    'I started self harming again',
    'I hurt myself on purpose to feel something',
    'I punched the wall until my hand broke, I wanted it to hurt',
    'I relapsed on self harm',
    'I have been starving myself as a punishment',
    'the cuts are getting deeper',
  ],
  harm_to_others: [
    'I want to kill him',
    'I have thoughts of hurting my kids',
    'I am going to make her pay, I will hurt her',
    'I think about shooting people at work',
    'I feel like I could really hurt someone',
    'I want to beat him until he stops moving',
    'I have been having urges to hurt my baby',
    'if he comes near me again I will stab him',
    'I fantasise about getting revenge and hurting them',
  ],
  abuse_or_neglect: [
    'my husband hits me',
    'my partner choked me last week',
    'he hurts me when he has been drinking',
    'my dad used to beat me',
    'I was sexually abused as a child',
    'my stepfather touched me when I was little',
    'she locks me in my room without food',
    'I am scared to go home because of what he does to me',
    'my boyfriend forces me to have sex',
    'the kids are left alone for days with nothing to eat',
    'he threatens to kill me if I leave',
  ],
  substance_crisis: [
    'I drank until I blacked out',
    'I overdosed on heroin last week',
    'I woke up in the hospital after taking too much',
    'I cannot stop drinking, I drink every morning just to function',
    'I have been using every day and I cannot stop',
    'I drove home completely drunk',
    'I mixed pills and alcohol to see what would happen',
    'I had a seizure from withdrawal',
    'I relapsed and I am using again',
  ],
};

/** Close in meaning, not a disclosure of one's own risk (see above). */
export const CONTRAST_BANK: readonly string[] = [
  // Comfort and advice to someone else.
  'please do not hurt yourself, you matter',
  'you have so much to live for',
  'I am here for you if you need to talk',
  'please talk to someone before you do anything you cannot take back',
  'stay strong, things will get better',
  'have you thought about seeing a therapist',
  'call a crisis line if you feel unsafe',
  'you are not a burden, people care about you',
  'I know how hard it is, hang in there',
  'it gets better, I promise',
  'your family would be devastated if you were gone',
  'reach out to your friends, you do not have to go through this alone',
  // Talk about suicide in general, or someone else's.
  'suicide is never the answer',
  'suicide rates are rising among young people',
  'the suicide prevention hotline is open all night',
  'we talked about suicide prevention at work',
  'a friend of mine died by suicide years ago',
  'my brother struggled with depression for years',
  'I read an article about self harm in teenagers',
  // A clinician's questions and plans.
  'have you had any thoughts of suicide',
  'are you having thoughts of hurting yourself',
  'let us make a safety plan together',
  'if you ever feel unsafe you can call this number',
  'on a scale from one to ten how is your mood',
  // Denials, and the hope that came back.
  'I would never kill myself',
  'I do not have any thoughts of hurting myself',
  'I am not suicidal',
  'I feel much better and I am hopeful about the future',
  'I want to live, I have plans for next year',
  // Figures of speech, and ordinary tiredness.
  'this traffic is killing me',
  'I could kill for a coffee right now',
  'I nearly died laughing',
  'my feet are killing me after that walk',
  'I am dying to see that film',
  'I am exhausted after work',
  'I am stressed about money and exams',
  'I feel sad and lonely sometimes',
];

/** Every bank statement in one list, in the order `banksFromVectors` reads their vectors back. */
export function bankTexts(): string[] {
  return [...RISK_CATEGORIES.flatMap((c) => RISK_BANK[c]), ...CONTRAST_BANK];
}

/** The vectors of `bankTexts()`, in its order, as the banks a score compares with. */
export function banksFromVectors(vectors: readonly Float32Array[]): EmbeddedBanks {
  let next = 0;
  const take = (n: number) => vectors.slice(next, (next += n));
  const risk = Object.fromEntries(
    RISK_CATEGORIES.map((c) => [c, take(RISK_BANK[c].length)]),
  ) as unknown as EmbeddedBanks['risk'];
  return { risk, contrast: take(CONTRAST_BANK.length) };
}
