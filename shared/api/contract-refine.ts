import { z } from 'zod';
import { Note } from './note-schemas';
import {
  AcceptRefinementInput,
  Refinement,
  RefineTokens,
  RequestRefinementInput,
  RequestRefinementResult,
} from './refine-schemas';
import { Id } from './schemas';

/** Refinement chat on a note: the methods (contract.ts spreads them in) and the token event. */
export const refineMethods = {
  /**
   * Asks for a revision of a draft note (a section, or the whole note): a refine run, queued;
   * progress as runs.progress, the model's words as refine.tokens. Refused on a signed note.
   */
  'refine.request': { input: RequestRefinementInput, output: RequestRefinementResult },
  /** The note's refinements, oldest first, each with its diff: who asked what, what became of it. */
  'refine.list': { input: z.object({ noteId: Id }), output: z.array(Refinement) },
  'refine.get': { input: z.object({ id: Id }), output: Refinement },
  /**
   * Accepts a proposal (as proposed, or the clinician's edit of it) as a new clinician revision.
   * Refused when the note changed since it was proposed (ask again) or is signed.
   */
  'refine.accept': { input: AcceptRefinementInput, output: Note },
  'refine.reject': { input: z.object({ id: Id }), output: Refinement },
} as const;

export const refineEvents = {
  /** Words a notes model wrote while drafting a refinement (local only; never logged). */
  'refine.tokens': RefineTokens,
} as const;
