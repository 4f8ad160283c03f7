import { z } from 'zod';
import {
  DraftFollowUpInput,
  DraftFollowUpResult,
  ExportFollowUpInput,
  ExportFollowUpResult,
  FollowUp,
  UpdateFollowUpInput,
} from './followup-schemas';
import { Id } from './schemas';
import {
  AnyTemplate,
  TemplateIdInput,
  TemplateTypeInput,
  TemplateVersion,
  TypedTemplateSummary,
} from './template-schemas';

/**
 * Follow-ups for the client and templates of every type (summary, email, prompt), part of the one
 * contract (contract.ts spreads them into its methods). The summary-only templates.list/get/save
 * stay as they were, for the notes.
 */
export const followUpMethods = {
  /**
   * Drafts a follow-up for the client from the session's signed note (refused otherwise): a
   * follow_up run, queued; progress as runs.progress. `useModel` lets a notes model write it.
   */
  'followups.draft': {
    input: DraftFollowUpInput.extend({ useModel: z.boolean().optional() }),
    output: DraftFollowUpResult,
  },
  /** A session's follow-ups, newest first. */
  'followups.list': { input: z.object({ sessionId: Id }), output: z.array(FollowUp) },
  'followups.get': { input: z.object({ id: Id }), output: FollowUp },
  /** The clinician's subject and body, saved and checked again (a draft only). */
  'followups.update': { input: UpdateFollowUpInput, output: FollowUp },
  /**
   * Exports a follow-up (Cairn never sends it): as a .eml message (returned, or written to `path`),
   * clipboard text or a mailto: link; its status becomes exported. Audited.
   */
  'followups.export': { input: ExportFollowUpInput, output: ExportFollowUpResult },
  /** Templates of one type (built-ins first). */
  'templates.ofType': { input: TemplateTypeInput, output: z.array(TypedTemplateSummary) },
  /** Any template's definition, whatever its type. */
  'templates.definition': { input: TemplateIdInput, output: AnyTemplate },
  /**
   * Saves a template of any type (one without `type` is a summary template): email and prompt
   * templates' variables are checked; every save bumps the version and keeps the wording.
   */
  'templates.saveTyped': { input: AnyTemplate, output: TypedTemplateSummary },
  /** Every kept wording of a template, newest first. */
  'templates.versions': { input: TemplateIdInput, output: z.array(TemplateVersion) },
} as const;
