import { z } from 'zod';

/** A passcode as typed; its hash alone is stored, and never leaves the core. */
export const Passcode = z.string().min(4, 'use at least 4 characters').max(200);

/** Whether Cairn is locked now, and what unlocks it. Nothing in it identifies anyone. */
export const LockStatus = z.object({
  /** False for the CLI: it runs as the OS user at a terminal and is not subject to the lock. */
  enforced: z.boolean(),
  passcodeSet: z.boolean(),
  locked: z.boolean(),
  /** The system's own unlock (Touch ID on a Mac) can be offered instead of the passcode. */
  systemUnlock: z.boolean(),
  /** After repeated wrong passcodes: seconds before the next try is accepted (0: now). */
  retryAfterSec: z.number(),
  lockAfterMinutes: z.number(),
  logoffAfterMinutes: z.number(),
});
export type LockStatus = z.infer<typeof LockStatus>;

export const LOCK_REASONS = ['manual', 'inactivity', 'logoff', 'unlocked'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];

/** Which audit entries to list or export; every filter is optional. */
export const AuditFilter = z.object({
  entityType: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(200).optional(),
  /** An action (`note.edited`), or a family of them by its prefix (`note.`). */
  action: z.string().min(1).max(100).optional(),
  /** Milliseconds since 1970, inclusive. */
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** One audit entry: who did what to which record, by id; never a name or any content. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.number(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  /** Newest first. */
  entries: z.array(AuditEntry),
  /** How many entries match the filter in all. */
  total: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const AUDIT_EXPORT_FORMATS = ['csv', 'jsonl'] as const;

export const AuditExportInput = AuditFilter.extend({
  /** Default csv. */
  format: z.enum(AUDIT_EXPORT_FORMATS).optional(),
  /** An absolute path ending in .csv or .jsonl; without one the export comes back as text. */
  path: z.string().min(1).max(4096).optional(),
});

export const AuditExportResult = z.object({
  format: z.enum(AUDIT_EXPORT_FORMATS),
  rows: z.number().int(),
  /** Where it was written, or null when it came back as `text`. */
  path: z.string().nullable(),
  text: z.string().nullable(),
});
export type AuditExportResult = z.infer<typeof AuditExportResult>;
