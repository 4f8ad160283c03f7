import { z } from 'zod';
import { GOAL_STATUSES } from '../domain/enums';
import { BriefCitation } from './brief-schemas';

/**
 * The treatment plan as the API carries it: versions made only by the clinician's decisions,
 * changes proposed after a signed session (each citing the note's statements), and each goal's
 * status per session.
 */

const Day = z.iso.date();
/** A SMART field: said in plain words, never empty. */
const Words = z.string().trim().min(1).max(1000);

/** A statement of a signed note a proposal rests on (the brief's citation). */
export const PlanCitation = BriefCitation;
export type PlanCitation = z.infer<typeof PlanCitation>;

export const SMART_FIELDS = [
  'specific',
  'measurable',
  'achievable',
  'relevant',
  'timeBound',
] as const;
export type SmartField = (typeof SMART_FIELDS)[number];

/** Each of the five SMART parts explicit: a goal without one is not a SMART goal. */
export const Smart = z.object({
  specific: Words,
  measurable: Words,
  achievable: Words,
  relevant: Words,
  timeBound: Words,
});
export type Smart = z.infer<typeof Smart>;

export { GOAL_STATUSES, type GoalStatus } from '../domain/enums';

/** A target on a rating scale the rules can follow from session to session. */
export const GoalTarget = z.object({
  /** What is rated, in the note's word: "anxiety", "mood". */
  key: z.string().min(1).max(60),
  value: z.number(),
  scale: z.number().positive(),
  /** down: at or below the value is reached; up: at or above. */
  direction: z.enum(['down', 'up']),
});
export type GoalTarget = z.infer<typeof GoalTarget>;

export const PlanGoal = z.object({
  /** Stable across plan versions, so its timeline follows it through revisions. */
  id: z.string(),
  /** The goal as the note states it. */
  statement: Words,
  smart: Smart,
  /** SMART parts filled from Cairn's defaults, not the note: to confirm with the client. */
  toConfirm: z.array(z.enum(SMART_FIELDS)),
  /** What is tracked and how often, e.g. "anxiety rating 0–10, asked each session". */
  measure: Words,
  target: GoalTarget.nullable(),
  status: z.enum(GOAL_STATUSES),
  /** The session day it was set, and the day of its latest change. */
  setOn: Day,
  updatedOn: Day,
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const PlanIntervention = z.object({
  id: z.string(),
  /** A framework and technique of the library (resources/frameworks). */
  frameworkId: z.string(),
  frameworkName: z.string(),
  techniqueId: z.string().nullable(),
  techniqueName: z.string(),
  goalIds: z.array(z.string()),
  since: Day,
});
export type PlanIntervention = z.infer<typeof PlanIntervention>;

export const HOMEWORK_PLAN_STATUSES = ['set', 'done'] as const;
export const PlanHomework = z.object({
  id: z.string(),
  text: Words,
  given: Day,
  sessionId: z.string(),
  goalId: z.string().nullable(),
  status: z.enum(HOMEWORK_PLAN_STATUSES),
});
export type PlanHomework = z.infer<typeof PlanHomework>;

export const PlanContent = z.object({
  goals: z.array(PlanGoal),
  interventions: z.array(PlanIntervention),
  homework: z.array(PlanHomework),
});
export type PlanContent = z.infer<typeof PlanContent>;

/** A reading of a rated goal: what the session's note recorded. */
const Reading = z.object({ value: z.number(), scale: z.number().positive() });

/** One proposed change to the plan, by kind. */
export const PlanChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add_goal'), goal: PlanGoal }),
  /** The goal's wording, SMART parts, measure or target changed; its status becomes revised. */
  z.object({
    kind: z.literal('revise_goal'),
    goalId: z.string(),
    statement: Words,
    smart: Smart,
    toConfirm: z.array(z.enum(SMART_FIELDS)),
    measure: Words,
    target: GoalTarget.nullable(),
  }),
  z.object({
    kind: z.literal('goal_status'),
    goalId: z.string(),
    status: z.enum(['progressing', 'achieved']),
    reading: Reading.nullable(),
    /** The reading it is compared with (an earlier session's), if any. */
    previous: Reading.nullable(),
  }),
  z.object({ kind: z.literal('add_intervention'), intervention: PlanIntervention }),
  z.object({ kind: z.literal('add_homework'), homework: PlanHomework }),
  z.object({
    kind: z.literal('homework_status'),
    homeworkId: z.string(),
    status: z.literal('done'),
  }),
]);
export type PlanChange = z.infer<typeof PlanChange>;
export const PLAN_CHANGE_KINDS = [
  'add_goal',
  'revise_goal',
  'goal_status',
  'add_intervention',
  'add_homework',
  'homework_status',
] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

export const PlanProposal = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string(),
  sessionDate: Day,
  runId: z.string().nullable(),
  kind: z.enum(PLAN_CHANGE_KINDS),
  change: PlanChange,
  /** One line, in Cairn's words, of what accepting it does. */
  summary: z.string(),
  evidence: z.array(PlanCitation),
  /** rules: proposed by Cairn's rules (no model); model: a notes model proposed it. */
  mode: z.enum(['rules', 'model']),
  status: z.enum(['proposed', 'accepted', 'rejected']),
  edited: z.boolean(),
  decidedAt: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  planVersion: z.number().int().nullable(),
  createdAt: z.number().int(),
});
export type PlanProposal = z.infer<typeof PlanProposal>;

export const PlanVersionInfo = z.object({
  version: z.number().int(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  changeNote: z.string(),
});
export type PlanVersionInfo = z.infer<typeof PlanVersionInfo>;

/** A goal's status at one session and the statements that moved it. */
export const GoalTimelineEntry = z.object({
  sessionId: z.string(),
  date: Day,
  status: z.enum(GOAL_STATUSES),
  evidence: z.array(PlanCitation),
  planVersion: z.number().int(),
});
export type GoalTimelineEntry = z.infer<typeof GoalTimelineEntry>;

export const PlanView = z.object({
  clientId: z.string(),
  /** The current version, or null before the clinician accepted anything. */
  current: PlanVersionInfo.extend({ content: PlanContent }).nullable(),
  /** Every version, newest first. */
  versions: z.array(PlanVersionInfo),
  /** Waiting for the clinician, oldest session first. */
  pending: z.array(PlanProposal),
  /** Each goal of the current plan with its timeline, oldest session first. */
  timelines: z.array(z.object({ goalId: z.string(), entries: z.array(GoalTimelineEntry) })),
});
export type PlanView = z.infer<typeof PlanView>;

export const ProposePlanInput = z.object({
  sessionId: z.uuid(),
  /** The clinician waits for it: it goes to the front of the queue. */
  waiting: z.boolean().optional(),
});
export const ProposePlanResult = z.object({
  clientId: z.string(),
  runId: z.string(),
  created: z.boolean(),
});

export const PlanDecision = z.object({
  proposalId: z.uuid(),
  decision: z.enum(['accept', 'reject']),
  /** The clinician's edit of the change (same kind and target); accept only. */
  change: PlanChange.optional(),
});
export type PlanDecision = z.infer<typeof PlanDecision>;

export const DecidePlanInput = z.object({
  clientId: z.uuid(),
  decisions: z.array(PlanDecision).min(1).max(500),
});
export const DecidePlanResult = z.object({
  /** The new version, or null when every decision was a reject. */
  version: z.number().int().nullable(),
  accepted: z.number().int(),
  rejected: z.number().int(),
});
