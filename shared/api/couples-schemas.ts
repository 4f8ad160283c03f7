import { z } from 'zod';
import { Id, IsoDate, SessionSummary } from './schemas';

/**
 * Couples work as the API carries it: two clients linked as partners, and a joint-work summary
 * made from each partner's abstract (closed-vocabulary ids), never from their notes. Isolation is
 * the point: nothing from one partner's individual sessions reaches the summary, the joint view
 * or the other partner, and the summary keeps the result of the check that proves it.
 */

/** One partner's individual work reduced to vocabulary ids: all a couples run carries forward. */
export const PartnerAbstract = z.object({
  clientId: Id,
  /** Signed individual sessions read (a count only: their dates stay in that partner's record). */
  sessionsRead: z.number().int().min(0),
  themes: z.array(z.string()),
  frameworks: z.array(z.string()),
});
export type PartnerAbstract = z.infer<typeof PartnerAbstract>;

/** What both partners' abstracts have in common; a theme or method only one has never passes. */
export const CouplesMatch = z.object({
  /** Vocabulary theme ids both partners' individual work raised (sensitive themes held back). */
  sharedThemes: z.array(z.string()),
  /** Vocabulary framework ids used with both partners. */
  sharedFrameworks: z.array(z.string()),
  /** How many themes both had but stay in individual work (risk, trauma, substance use). */
  heldBack: z.number().int().min(0),
});
export type CouplesMatch = z.infer<typeof CouplesMatch>;

export const CouplesTechnique = z.object({ name: z.string(), description: z.string() });

/** A couples framework from the library, with what it offers the joint work. */
export const SuggestedFramework = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  description: z.string(),
  /** Why it is offered, in Cairn's own words. */
  why: z.string(),
  techniques: z.array(CouplesTechnique),
  /** Typical homework from the library, written for clients. */
  homework: z.array(z.string()),
});
export type SuggestedFramework = z.infer<typeof SuggestedFramework>;

/** The joint-work summary: shared topics and frameworks only, every string from Cairn's own lists. */
export const JointSummary = z.object({
  title: z.string(),
  /** rules: Cairn's rules, no model (the extractive floor; no model writes this summary). */
  mode: z.literal('rules'),
  modeLabel: z.string(),
  sharedTopics: z.array(z.object({ id: z.string(), label: z.string() })),
  /** Methods already used with both partners, as vocabulary labels. */
  sharedMethods: z.array(z.object({ id: z.string(), label: z.string() })),
  frameworks: z.array(SuggestedFramework),
  /** Cairn's own sentences: what the summary is and what it leaves out. */
  notes: z.array(z.string()),
});
export type JointSummary = z.infer<typeof JointSummary>;

/** The isolation check's result: counts only, never the text it found. */
export const IsolationResult = z.object({
  passed: z.boolean(),
  /** Strings of the output checked. */
  checked: z.number().int().min(0),
  /** Strings not from Cairn's vocabulary, framework library or own phrases. */
  notAllowed: z.number().int().min(0),
  /** Identifiers the de-identifier found in the output. */
  identifiers: z.number().int().min(0),
  /** Runs of three words, or names, from either partner's individual sessions found in it. */
  partnerPhrases: z.number().int().min(0),
});
export type IsolationResult = z.infer<typeof IsolationResult>;

export const CouplesSummary = z.object({
  id: z.string(),
  linkId: z.string(),
  sessionId: z.string(),
  runId: z.string().nullable(),
  createdAt: z.number().int(),
  clientIds: z.tuple([z.string(), z.string()]),
  summary: JointSummary,
  isolation: IsolationResult,
});
export type CouplesSummary = z.infer<typeof CouplesSummary>;

export const PartnerLink = z.object({
  id: z.string(),
  /** The client the link was made from: joint sessions carry this client's id. */
  clientA: z.object({ id: Id, name: z.string() }),
  clientB: z.object({ id: Id, name: z.string() }),
  linkedAt: z.number().int(),
});
export type PartnerLink = z.infer<typeof PartnerLink>;

/** A client's couples view: their active link, the couple's joint sessions and latest summary. */
export const CouplesView = z.object({
  clientId: Id,
  link: PartnerLink.nullable(),
  /** Sessions of kind `couple` for this link, oldest first. */
  jointSessions: z.array(SessionSummary),
  latest: CouplesSummary.nullable(),
});
export type CouplesView = z.infer<typeof CouplesView>;

export const LinkPartnersInput = z.object({ clientId: Id, partnerId: Id });
export const MergeCouplesInput = z.object({
  clientId: Id,
  /** The joint session's day (default: today); a joint session that day is used, or one is planned. */
  date: IsoDate.optional(),
  /** The clinician waits for it: it goes to the front of the queue. */
  waiting: z.boolean().optional(),
});
export const MergeCouplesResult = z.object({
  sessionId: z.string(),
  runId: z.string(),
  created: z.boolean(),
});
