import { z } from 'zod';
import { NoteTemplate } from './note-schemas';

/**
 * Templates of three types: `summary` (a note's sections, as note templates always were),
 * `email` (a follow-up message to the client) and `prompt` (the instructions a notes model gets
 * for a summary template, editable by a practice). Email and prompt templates declare the
 * variables they use; saving checks them against the catalogue below.
 */
import { TEMPLATE_TYPES, type TemplateType } from '../domain/enums';

export { TEMPLATE_TYPES, type TemplateType };

/** Every variable a template may use, with what it stands for (shown when a template is edited). */
export const TEMPLATE_VARIABLES = {
  'client.firstName': 'The client’s first name (the first word of their name in Cairn).',
  'client.name': 'The client’s name as Cairn holds it.',
  'clinician.name': 'The clinician’s name (the person signed in to Cairn).',
  'session.date': 'The day of the signed session, written out ("Monday 7 December 2026").',
  'nextSession.date':
    'The day of the client’s next scheduled session, or "at a time we will arrange" when none is scheduled.',
  homework: 'The homework set in the session, from the signed note and the treatment plan.',
  goals: 'The open goals of the client’s treatment plan, in the plan’s words.',
  resources: 'Resources for the client named by the template (never read from the note).',
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export const TEMPLATE_VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

/** `{{client.firstName}}`, with optional spaces inside the braces. */
const VARIABLE_USE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variable names a text uses, in order of first use (unknown ones included). */
export function variablesUsedIn(...texts: string[]): string[] {
  const found = new Set<string>();
  for (const text of texts)
    for (const match of text.matchAll(VARIABLE_USE)) found.add(match[1] ?? '');
  return [...found];
}

const TemplateId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const Variables = z.array(z.string().min(1).max(60)).max(40);

export const EmailTemplate = z.object({
  id: TemplateId,
  type: z.literal('email'),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(500),
  version: z.number().int().positive(),
  subject: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
  /** The variables subject and body use; each must be in TEMPLATE_VARIABLES. */
  variables: Variables,
  /**
   * What `{{resources}}` stands for: the template's own words (a leaflet, a helpline), since a
   * follow-up never takes resources from the note.
   */
  resources: z.string().max(2000).default(''),
});
export type EmailTemplate = z.infer<typeof EmailTemplate>;

export const PromptTemplate = z.object({
  id: TemplateId,
  type: z.literal('prompt'),
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(500),
  version: z.number().int().positive(),
  /** The summary template whose notes these instructions write. */
  forTemplate: TemplateId,
  /** The opening instructions of the notes model's system prompt. */
  instructions: z.string().trim().min(1).max(4000),
  variables: Variables,
});
export type PromptTemplate = z.infer<typeof PromptTemplate>;

/** Any template; one without `type` is a summary template, as every template was before. */
export const AnyTemplate = z.union([NoteTemplate, EmailTemplate, PromptTemplate]);
export type AnyTemplate = z.infer<typeof AnyTemplate>;

export function templateTypeOf(template: AnyTemplate): TemplateType {
  return 'type' in template && template.type ? template.type : 'summary';
}

export const TypedTemplateSummary = z.object({
  id: z.string(),
  type: z.enum(TEMPLATE_TYPES),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  builtIn: z.boolean(),
});
export type TypedTemplateSummary = z.infer<typeof TypedTemplateSummary>;

/** One saved wording of a template: every save keeps the one before. */
export const TemplateVersion = z.object({
  templateId: z.string(),
  version: z.number().int(),
  definition: AnyTemplate,
  savedBy: z.string(),
  savedAt: z.number().int(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

export const TemplateTypeInput = z.object({ type: z.enum(TEMPLATE_TYPES) });
export const TemplateIdInput = z.object({ id: z.string().min(1).max(100) });
