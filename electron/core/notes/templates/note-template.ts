import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NoteTemplate } from '../../../../shared/api/note-schemas';
import { resolveResourcesDir } from '../../config/resources';
import { PermanentError } from '../../errors';
import type { JsonSchema } from '../llm/provider';
import { FIELD_CHARS } from '../generate/step-budget';

export { NoteTemplate };

/**
 * The structure the model must produce for a template: per section, a list of items, each first
 * the evidence it rests on, then the statement. Evidence is chosen, not written: each entry is
 * one transcript sentence with its reference ("[s12] I lie awake most nights."), picked from the
 * session's own sentences when they are given, so a citation is verbatim by construction (the
 * runtime's grammar allows nothing else) and the statement is written after reading it.
 * Every statement must cite: an item without evidence cannot be verified, so it cannot be valid.
 */
export interface OutputLimits {
  /** Statements per section. */
  maxItems: number;
  /** Characters per statement: notes are concise, and bounded output always ends. */
  maxTextLength: number;
  /** Evidence sentences per statement. */
  maxEvidence: number;
}

export const DEFAULT_LIMITS: OutputLimits = {
  maxItems: 8,
  maxTextLength: 300,
  maxEvidence: 2,
};

export function evidenceSchema(
  evidence: readonly string[] | undefined,
  maxEvidence: number,
): JsonSchema {
  return {
    type: 'array',
    items: evidence
      ? { type: 'string', enum: [...evidence] }
      : { type: 'string', description: 'A reference and the sentence: "[s12] words…"' },
    minItems: 1,
    maxItems: maxEvidence,
    description: 'Transcript sentences, with their references, that this statement rests on.',
  };
}

/** One statement and its evidence, plus a section's extra fields. */
export function itemSchema(
  limits: OutputLimits,
  evidence: readonly string[] | undefined,
  extra: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    type: 'object',
    properties: {
      evidence: evidenceSchema(evidence, limits.maxEvidence),
      text: {
        type: 'string',
        maxLength: limits.maxTextLength,
        description: 'One statement for the note.',
      },
      ...extra,
    },
    required: ['evidence', 'text', ...Object.keys(extra)],
    additionalProperties: false,
  };
}

export function outputSchemaFor(
  template: NoteTemplate,
  options: { evidence?: readonly string[]; limits?: OutputLimits } = {},
): JsonSchema {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const sections = Object.fromEntries(
    template.sections.map((section) => {
      const extra = Object.fromEntries(
        Object.entries(section.fields ?? {}).map(([key, field]) => [
          key,
          field.enum
            ? { type: 'string', enum: field.enum, description: field.description }
            : { type: 'string', maxLength: FIELD_CHARS, description: field.description },
        ]),
      );
      return [
        section.key,
        {
          type: 'array',
          items: itemSchema(limits, options.evidence, extra),
          minItems: section.required ? 1 : 0,
          maxItems: limits.maxItems,
          description: section.instruction,
        },
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
