import { z } from 'zod';
import { GOAL_STATUSES } from '../domain/enums';

/**
 * The pre-session brief as the API carries it: the clinician's analysis (which cites the signed
 * notes it read), the abstract (vocabulary ids only), and the client's guide built from the
 * abstract alone.
 */

const Day = z.iso.date();

/** A statement of a signed note the brief rests on. */
export const BriefCitation = z.object({
  sessionId: z.string(),
  date: Day,
  noteId: z.string(),
  sectionKey: z.string(),
  sectionTitle: z.string(),
  /** The statement's place in its section. */
  item: z.number().int().min(0),
  /** The statement as signed, for the clinician to read at a glance. */
  text: z.string().max(4000),
});
export type BriefCitation = z.infer<typeof BriefCitation>;

export const BriefTheme = z.object({
  /** A closed-vocabulary id (see sync/abstract/vocabulary.ts): never the note's own words. */
  id: z.string(),
  label: z.string(),
  /** Sessions it came up in, first and last. */
  sessions: z.number().int(),
  firstSeen: Day,
  lastSeen: Day,
  citations: z.array(BriefCitation),
});
export type BriefTheme = z.infer<typeof BriefTheme>;

export const HOMEWORK_STATUSES = ['due_now', 'came_back', 'not_mentioned_since'] as const;
export const BriefHomework = z.object({
  text: z.string(),
  given: Day,
  /** due_now: set at the last session; came_back: a later note speaks of it; else not since. */
  status: z.enum(HOMEWORK_STATUSES),
  citation: BriefCitation,
  followUps: z.array(BriefCitation),
});
export type BriefHomework = z.infer<typeof BriefHomework>;

export const BriefRisk = z.object({
  kind: z.string(),
  label: z.string(),
  lastSeen: Day,
  /** A flag never acknowledged, or risk written in the most recent signed note. */
  open: z.boolean(),
  citations: z.array(BriefCitation),
});
export type BriefRisk = z.infer<typeof BriefRisk>;

export const BriefQuestion = z.object({
  text: z.string(),
  /** Why it is asked: the statements behind it. */
  citations: z.array(BriefCitation),
});
export type BriefQuestion = z.infer<typeof BriefQuestion>;

/** A framework of Cairn's library (resources/frameworks) the signed notes show in use. */
export const BriefLibraryFramework = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** Its techniques the notes name. */
  techniques: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The library's typical homework, for a technique in use first. */
  typicalHomework: z.array(z.string()),
  /** What the library says tracks it. */
  measures: z.array(z.string()),
  citations: z.array(BriefCitation),
});
export type BriefLibraryFramework = z.infer<typeof BriefLibraryFramework>;

/** A goal of the client's treatment plan as it stands, and the last session that moved it. */
export const BriefPlanGoal = z.object({
  goalId: z.string(),
  statement: z.string(),
  status: z.enum(GOAL_STATUSES),
  measure: z.string(),
  timeBound: z.string(),
  /** The last session day its status moved (or it was set), and the statements behind it. */
  lastMoved: Day.nullable(),
  citations: z.array(BriefCitation),
});
export type BriefPlanGoal = z.infer<typeof BriefPlanGoal>;

/** A voice memo the clinician dictated for this session: their own words, read into the brief. */
export const BriefMemo = z.object({
  memoId: z.string(),
  addedAt: z.number().int(),
  durationSec: z.number(),
  /** What it says; null when it could not be transcribed (see problem). */
  text: z.string().nullable(),
  problem: z.string().nullable(),
});
export type BriefMemo = z.infer<typeof BriefMemo>;

export const BriefAnalysis = z.object({
  sessionsRead: z.array(z.object({ sessionId: z.string(), date: Day })),
  themes: z.array(BriefTheme),
  frameworks: z.array(z.object({ id: z.string(), label: z.string(), lastSeen: Day })),
  /** The framework library's entries for what the notes show in use: what the brief cites. */
  library: z.array(BriefLibraryFramework).default([]),
  homework: z.array(BriefHomework),
  risks: z.array(BriefRisk),
  /** Ratings and scores recorded, newest last. */
  ratings: z.array(BriefCitation),
  goals: z.array(BriefCitation),
  /** The treatment plan's goals (its current version) with their progress; empty without a plan. */
  planGoals: z.array(BriefPlanGoal).default([]),
  planVersion: z.number().int().nullable().default(null),
  questions: z.array(BriefQuestion),
  /**
   * Where things stand, in a few sentences by the notes model over the rules, each citing the
   * signed statements it rests on (empty when the rules wrote the brief alone).
   */
  summary: z.array(BriefQuestion).default([]),
  /** The clinician's voice memos for this session, oldest first. */
  memos: z.array(BriefMemo).default([]),
  /** rules: written by Cairn's rules (no model); model: a notes model wrote parts of it. */
  mode: z.enum(['rules', 'model']),
  /** The notes model that wrote the summary, or null. */
  model: z.string().nullable().default(null),
  /** Why the model wrote nothing or less than asked, in words; empty when all went well. */
  modelNote: z.string().default(''),
});
export type BriefAnalysis = z.infer<typeof BriefAnalysis>;

/**
 * The brief with every identifier gone: closed-vocabulary ids only, which is all the client's
 * guide and a couples summary may read. The identifier check re-scans what is kept.
 */
export const BriefAbstract = z.object({
  themes: z.array(z.string()),
  frameworks: z.array(z.string()),
  /** Whether homework is due, so the guide can remind without saying what it was. */
  homeworkDue: z.boolean(),
  identifierCheck: z.object({ scanned: z.number().int(), found: z.number().int() }),
});
export type BriefAbstract = z.infer<typeof BriefAbstract>;

/** A short, plain-language sheet for the client, made of Cairn's own sentences only. */
export const ClientGuide = z.object({
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), lines: z.array(z.string()) })),
  /** Flesch–Kincaid grade of the whole sheet (target ≤ 8). */
  grade: z.number(),
});
export type ClientGuide = z.infer<typeof ClientGuide>;

export const Brief = z.object({
  id: z.string(),
  sessionId: z.string(),
  clientId: z.string(),
  runId: z.string().nullable(),
  createdAt: z.number().int(),
  analysis: BriefAnalysis,
  abstract: BriefAbstract,
  guide: ClientGuide,
});
export type Brief = z.infer<typeof Brief>;

export const PrepareBriefInput = z.object({
  clientId: z.uuid(),
  /** The upcoming session's day (default: today); a session that day is used, or one is planned. */
  date: Day.optional(),
  /** The clinician waits for it: it goes to the front of the queue. */
  waiting: z.boolean().optional(),
});
/** A voice memo for the client's session on a day (planned if they have none, as for a brief). */
export const AddMemoInput = z.object({
  clientId: z.uuid(),
  date: Day.optional(),
  /** The audio file on this computer. */
  path: z.string().min(1),
});
export const AddMemoResult = z.object({
  sessionId: z.string(),
  memoId: z.string(),
  durationSec: z.number(),
});

export const PrepareBriefResult = z.object({
  sessionId: z.string(),
  runId: z.string(),
  created: z.boolean(),
});
