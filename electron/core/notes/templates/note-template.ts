import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resolveResourcesDir } from '../../config/resources';
import { PermanentError } from '../../errors';
import type { JsonSchema } from '../llm/provider';

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
    name: z.string().min(1),
    description: z.string().min(1),
    version: z.number().int().positive(),
    sections: z.array(Section).min(1),
  })
  .refine((t) => new Set(t.sections.map((s) => s.key)).size === t.sections.length, {
    message: 'section keys must be unique',
  });
export type NoteTemplate = z.infer<typeof NoteTemplate>;

/**
 * The structure the model must produce for a template: per section, a list of items, each a
 * statement with the transcript segment ids it rests on (and an exact quote to check it by).
 * Every statement must cite: an item without evidence cannot be verified, so it cannot be valid.
 */
export interface OutputLimits {
  /** Statements per section. */
  maxItems: number;
  /** Characters per statement and per quote: notes are concise, and bounded output always ends. */
  maxTextLength: number;
  maxQuoteLength: number;
}

export const DEFAULT_LIMITS: OutputLimits = {
  maxItems: 8,
  maxTextLength: 300,
  maxQuoteLength: 200,
};

export function outputSchemaFor(
  template: NoteTemplate,
  options: { segmentIds?: readonly string[]; limits?: OutputLimits } = {},
): JsonSchema {
  const limits = options.limits ?? DEFAULT_LIMITS;
  // With the session's segment ids as an enum, the model cannot cite a segment that does not exist.
  const segmentId = options.segmentIds
    ? { type: 'string', enum: [...options.segmentIds] }
    : { type: 'string' };
  const sections = Object.fromEntries(
    template.sections.map((section) => {
      const extra = Object.fromEntries(
        Object.entries(section.fields ?? {}).map(([key, field]) => [
          key,
          field.enum
            ? { type: 'string', enum: field.enum, description: field.description }
            : { type: 'string', description: field.description },
        ]),
      );
      const item = {
        type: 'object',
        properties: {
          text: {
            type: 'string',
            maxLength: limits.maxTextLength,
            description: 'One statement for the note.',
          },
          segmentIds: {
            type: 'array',
            items: segmentId,
            minItems: 1,
            maxItems: 4,
            description: 'Ids of the transcript segments this statement rests on.',
          },
          quote: {
            type: 'string',
            maxLength: limits.maxQuoteLength,
            description: 'Words copied exactly from one of those segments.',
          },
          ...extra,
        },
        required: ['text', 'segmentIds', 'quote', ...Object.keys(extra)],
        additionalProperties: false,
      };
      return [
        section.key,
        { type: 'array', items: item, maxItems: limits.maxItems, description: section.instruction },
      ];
    }),
  );
  return {
    type: 'object',
    properties: sections,
    required: template.sections.map((s) => s.key),
    additionalProperties: false,
  };
}

/** The templates Cairn ships (SOAP, DAP, BIRP, GIRP, session summary), checked as they load. */
export function builtInTemplates(resourcesDir?: string): NoteTemplate[] {
  const dir = path.join(resolveResourcesDir(resourcesDir), 'templates');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = NoteTemplate.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new PermanentError(
          'template_invalid',
          `The note template ${file} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}). Reinstall Cairn.`,
        );
      return parsed.data;
    });
}
