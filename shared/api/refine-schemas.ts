import { z } from 'zod';
import { NoteContent } from './note-schemas';
import { Id } from './schemas';

/**
 * Refinement of a note as the API carries it: the clinician's request, the proposed revision
 * with its word-level diff against the version it was proposed on, and their decision.
 */

export const REFINEMENT_STATUSES = [
  'drafting',
  'proposed',
  'accepted',
  'edited',
  'rejected',
  'failed',
] as const;
export type RefinementStatus = (typeof REFINEMENT_STATUSES)[number];

const DiffPart = z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() });
export const NoteDiffSchema = z.object({
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      changed: z.boolean(),
      parts: z.array(DiffPart),
    }),
  ),
  added: z.number().int(),
  removed: z.number().int(),
});

export const Refinement = z.object({
  id: Id,
  noteId: Id,
  runId: Id.nullable(),
  request: z.string(),
  /** The section asked about; null: the whole note. */
  sectionKey: z.string().nullable(),
  status: z.enum(REFINEMENT_STATUSES),
  mode: z.enum(['model', 'rules']).nullable(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  /** Why the proposal is what it is, or why there is none, in words. */
  message: z.string(),
  requestedBy: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  base: NoteContent,
  proposed: NoteContent.nullable(),
  /** The proposal against its base; null until there is one. */
  diff: NoteDiffSchema.nullable(),
});
export type Refinement = z.infer<typeof Refinement>;

export const RequestRefinementInput = z.object({
  noteId: Id,
  request: z.string().trim().min(1, 'Say what to change.').max(2000),
  /** A section's key; absent: the whole note. */
  section: z.string().max(100).optional(),
});
export type RequestRefinementInput = z.infer<typeof RequestRefinementInput>;

export const RequestRefinementResult = z.object({ refinementId: Id, runId: Id });

export const AcceptRefinementInput = z.object({
  id: Id,
  /** The clinician's edit of the proposal; absent: accepted as proposed. */
  content: NoteContent.optional(),
});

export const RefineTokens = z.object({ refinementId: Id, text: z.string() });
