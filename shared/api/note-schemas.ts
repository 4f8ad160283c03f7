import { z } from 'zod';
import { NOTE_STATUSES } from '../domain/enums';

/**
 * Clinical notes as the API carries them. A note's content is the same shape whether the model
 * wrote it or the clinician edited it: sections of items, each item a statement with the
 * transcript segments it rests on and whether that evidence checked out.
 */

export const NoteItem = z.object({
  text: z.string().max(4000),
  /** Transcript segments the statement rests on; empty for a statement the clinician wrote. */
  segmentIds: z.array(z.string().max(100)).max(20),
  /** Words from those segments, for the check (and for the clinician to see at a glance). */
  quote: z.string().max(2000),
  /** Template-specific fields, e.g. an intervention's status. */
  fields: z.record(z.string(), z.string().max(200)),
  /** The citations checked out; false items are shown marked, never silently kept. */
  supported: z.boolean(),
  /** Why not, in words the clinician can act on (empty when supported). */
  problems: z.array(z.string()),
  /**
   * ai: written by the notes model; extractive: a transcript sentence chosen by rules when no
   * model could write (the floor); clinician: written or edited by the clinician.
   */
  origin: z.enum(['ai', 'extractive', 'clinician']),
});
export type NoteItem = z.infer<typeof NoteItem>;

export const NoteSection = z.object({
  key: z.string(),
  title: z.string(),
  items: z.array(NoteItem).max(200),
});
export type NoteSection = z.infer<typeof NoteSection>;

export const NoteContent = z.object({
  templateId: z.string(),
  templateVersion: z.number().int(),
  sections: z.array(NoteSection),
});
export type NoteContent = z.infer<typeof NoteContent>;

/**
 * How each section of a draft came to be. drafted: the model wrote it; not_drafted: every attempt
 * failed, so the clinician writes it (the rest of the note stands); extractive: transcript
 * sentences chosen by rules (no model, or the model failed on the whole note).
 */
export const SECTION_DRAFT_STATUSES = ['drafted', 'not_drafted', 'extractive'] as const;
export const SectionDraft = z.object({
  key: z.string(),
  status: z.enum(SECTION_DRAFT_STATUSES),
  /** Model attempts spent on it (0 for an extractive section). */
  attempts: z.number().int(),
  /** What happened, in words for the clinician (empty when drafted at the first attempt). */
  message: z.string(),
});
export type SectionDraft = z.infer<typeof SectionDraft>;

/** How the AI draft was made: enough to reproduce it or explain it. */
export const NoteGeneration = z.object({
  /** none: an extractive draft, written without a language model. */
  provider: z.enum(['ollama', 'embedded', 'none']),
  model: z.string(),
  promptVersion: z.string(),
  /**
   * direct: the transcript fit the context; map-reduce: extracted per chunk, then written;
   * extractive: no model could write, so sentences were chosen from the transcript by rules.
   */
  mode: z.enum(['direct', 'map-reduce', 'extractive']),
  /** Per section; absent on drafts written before sections were drafted one by one. */
  sections: z.array(SectionDraft).optional(),
  /** Why the draft is not the model's whole work (model missing, sections not drafted…). */
  warnings: z.array(z.string()).optional(),
  /** Tokens of the transcript as the model saw it, to compare with promptTokens (evaluated). */
  transcriptTokens: z.number().int().optional(),
  /** Key sentences (ratings, homework, next appointment, risk) added where the model left them out. */
  keyFactsAdded: z.number().int().optional(),
  chunks: z.number().int(),
  /**
   * The clinician's voice: examples learned from their signed notes that were given to the
   * model, and the draft's statements reworded with their sure replacements.
   */
  voice: z
    .object({
      examples: z.number().int(),
      sectionsWithExamples: z.number().int(),
      reworded: z.number().int(),
    })
    .optional(),
  promptTokens: z.number().int(),
  generatedTokens: z.number().int(),
  promptMs: z.number().int(),
  generationMs: z.number().int(),
  totalMs: z.number().int(),
});
export type NoteGeneration = z.infer<typeof NoteGeneration>;

export const NoteVersion = z.object({
  content: NoteContent,
  /** The content as plain text, as it would be pasted into a record. */
  text: z.string(),
  updatedAt: z.number().int(),
});
export type NoteVersion = z.infer<typeof NoteVersion>;

export const Note = z.object({
  id: z.string(),
  sessionId: z.string(),
  templateId: z.string(),
  status: z.enum(NOTE_STATUSES),
  /** The model's draft; kept as it was written, whatever the clinician does. */
  ai: NoteVersion.extend({ generation: NoteGeneration }).nullable(),
  /** The clinician's version; null until their first edit. */
  clinician: NoteVersion.nullable(),
  approvedAt: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  createdAt: z.number().int(),
});
export type Note = z.infer<typeof Note>;

export const NoteRevision = z.object({
  id: z.string(),
  noteId: z.string(),
  /** Which version this revision is of: the model's draft or the clinician's. */
  version: z.enum(['ai', 'clinician']),
  /** ai_draft, regenerate_section, edit… */
  reason: z.string(),
  author: z.string(),
  content: NoteContent,
  createdAt: z.number().int(),
});
export type NoteRevision = z.infer<typeof NoteRevision>;

/** Text added to a signed note; the signed note itself never changes. */
export const NoteAddendum = z.object({
  id: z.string(),
  noteId: z.string(),
  text: z.string(),
  author: z.string(),
  createdAt: z.number().int(),
});
export type NoteAddendum = z.infer<typeof NoteAddendum>;

/** Template definitions (the built-ins in resources/templates, and a practice's own). */
const Key = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower_snake_case key');

/** An extra field an item of a section carries (e.g. an intervention's status). */
const ItemField = z.object({
  enum: z.array(z.string().min(1)).min(1).optional(),
  description: z.string().min(1),
});

const Section = z.object({
  key: Key,
  title: z.string().min(1),
  /** What the model should put here; shown to it, never to the client. */
  instruction: z.string().min(1),
  /**
   * A note without this section is incomplete (a SOAP note's Assessment): the model must write at
   * least one statement. Optional sections (homework, risk) may stay empty when nothing applies.
   */
  required: z.boolean().optional(),
  fields: z.record(Key, ItemField).optional(),
});

/**
 * A note template is data: its sections and what goes in each. The JSON schema the model must
 * follow is derived from the sections (outputSchemaFor), so a practice's own template needs no
 * schema written by hand. Built-ins ship as resources/templates/*.json.
 */
export const NoteTemplate = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Templates of other types (email, prompt) say so; a note template may say `summary`. */
    type: z.literal('summary').optional(),
    name: z.string().min(1),
    description: z.string().min(1),
    version: z.number().int().positive(),
    sections: z.array(Section).min(1),
  })
  .refine((t) => new Set(t.sections.map((s) => s.key)).size === t.sections.length, {
    message: 'section keys must be unique',
  });
export type NoteTemplate = z.infer<typeof NoteTemplate>;

export const TemplateSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.number().int(),
  builtIn: z.boolean(),
  sections: z.array(z.object({ key: z.string(), title: z.string() })),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const ProviderStatus = z.object({
  provider: z.enum(['ollama', 'embedded']),
  /** Notes can be written now with the chosen provider. */
  ready: z.boolean(),
  /** What is wrong and what to do next (e.g. Ollama not running: the embedded engine is offered). */
  message: z.string(),
  ollama: z.object({ host: z.string(), reachable: z.boolean(), models: z.array(z.string()) }),
  embedded: z.object({ models: z.array(z.string()) }),
});
export type ProviderStatus = z.infer<typeof ProviderStatus>;
