import { z } from 'zod';

/** Sharing de-identified abstracts with the practice's S3 bucket, as the API carries it. */

export const SyncCounts = z.object({
  pending: z.number().int(),
  uploaded: z.number().int(),
  blocked: z.number().int(),
});

const SyncProblem = z.object({ code: z.string(), message: z.string() });

export const SyncRunResult = z.object({
  /** Approved sessions newly queued by this pass. */
  enqueued: z.number().int(),
  uploaded: z.number().int(),
  blocked: z.number().int(),
  failed: z.number().int(),
  /** Still waiting afterwards. */
  pending: z.number().int(),
  error: SyncProblem.nullable(),
});
export type SyncRunResult = z.infer<typeof SyncRunResult>;

export const SyncBlockedItem = z.object({
  itemId: z.string(),
  sessionId: z.string(),
  kind: z.string(),
  /** What the de-identifier found (categories only, never the words). */
  categories: z.array(z.string()),
  at: z.number().int(),
});

export const SessionSyncStatus = z.object({
  /** not_queued: not approved, no approved note, or approved while sharing was off (a pass queues it). */
  status: z.enum(['not_queued', 'pending', 'uploaded', 'blocked']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  categories: z.array(z.string()),
  uploadedAt: z.number().int().nullable(),
});
export type SessionSyncStatus = z.infer<typeof SessionSyncStatus>;

export const SyncStatus = z.object({
  enabled: z.boolean(),
  /** What is missing from the settings, as the next step; null when complete. */
  configurationProblem: z.string().nullable(),
  counts: SyncCounts,
  /** A pass is uploading in this process now. */
  running: z.boolean(),
  /** The latest failure of an item still waiting. */
  lastError: z.object({ message: z.string(), at: z.number().int() }).nullable(),
  /** The one thing to do now, in words; null when nothing is needed. */
  nextStep: z.string().nullable(),
  /** This process's latest pass (null in a CLI that has not run one). */
  lastRun: SyncRunResult.extend({ at: z.number().int() }).nullable(),
  blocked: z.array(SyncBlockedItem),
  /** Asked for with `sessionId`: that session's item. */
  session: SessionSyncStatus.nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;
