import { z } from 'zod';
import { FOLLOW_UP_EXPORTS, FOLLOW_UP_STATUSES } from '../domain/enums';

/**
 * A follow-up for the client as the API carries it: drafted from a signed note and an email
 * template, checked for clinical detail, edited by the clinician, exported (never sent).
 */

export const FOLLOW_UP_WARNING_KINDS = ['diagnosis', 'risk', 'medication'] as const;

/** Clinical detail in a client-facing message that its template did not ask for. */
export const FollowUpWarning = z.object({
  kind: z.enum(FOLLOW_UP_WARNING_KINDS),
  /** The words as they stand in the message. */
  phrase: z.string(),
  /** What it is and what to do, in words. */
  message: z.string(),
});
export type FollowUpWarning = z.infer<typeof FollowUpWarning>;

export const FollowUp = z.object({
  id: z.string(),
  sessionId: z.string(),
  noteId: z.string(),
  clientId: z.string(),
  runId: z.string().nullable(),
  templateId: z.string(),
  templateVersion: z.number().int(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  mode: z.enum(['template', 'model']),
  modeNote: z.string(),
  warnings: z.array(FollowUpWarning),
  exportedAt: z.number().int().nullable(),
  exportedAs: z.enum(FOLLOW_UP_EXPORTS).nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const DraftFollowUpInput = z.object({
  sessionId: z.uuid(),
  /** An email template's id; default the built-in follow-up-homework. */
  templateId: z.string().min(1).max(100).optional(),
  /** The clinician waits for it: it goes to the front of the queue. */
  waiting: z.boolean().optional(),
});
export const DraftFollowUpResult = z.object({ sessionId: z.string(), runId: z.string() });

export const UpdateFollowUpInput = z.object({
  id: z.uuid(),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20000),
});

export const ExportFollowUpInput = z.object({
  id: z.uuid(),
  as: z.enum(FOLLOW_UP_EXPORTS),
  /** eml only: an absolute path to write the file to (the CLI); otherwise the content returns. */
  path: z.string().min(1).max(4096).optional(),
});
export const ExportFollowUpResult = z.object({
  followUp: FollowUp,
  /** eml: the RFC 5322 message; clipboard: subject and body as text; mailto: the link. */
  content: z.string(),
  /** The file written, when a path was given. */
  path: z.string().nullable(),
});
