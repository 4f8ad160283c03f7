import type { JsonSchema } from '../llm/provider';
import { RISK_CATEGORIES } from '../risk/risk-categories';
import {
  evidenceSchema,
  itemSchema,
  outputSchemaFor,
  type NoteTemplate,
  type OutputLimits,
} from '../templates/note-template';

/**
 * The JSON the model must produce at each step. Every array and string is bounded, so a
 * grammar-constrained answer has a ceiling (step-budget.ts counts it with the model's tokenizer).
 */

/** Risk concerns the model reports beside the note; merged with the scanner's, never instead. */
export const MAX_RISK_CONCERNS = 4;

/** A statement is a sentence or two: long enough for a clinical statement, short enough to fit. */
export const STATEMENT_CHARS = 220;
/** Statements per section in a first attempt; a retry asks for half. */
export const SECTION_ITEMS = 4;

/**
 * The first attempt's limits: a small context affords fewer statements and one evidence sentence
 * each (the step then shrinks further to the room the transcript leaves).
 */
export function firstLimits(contextSize: number, maxItems?: number): OutputLimits {
  const items = maxItems ?? (contextSize >= 8192 ? SECTION_ITEMS : contextSize >= 4096 ? 3 : 2);
  return {
    maxItems: items,
    maxTextLength: STATEMENT_CHARS,
    maxEvidence: contextSize >= 8192 ? 2 : 1,
  };
}

function riskConcernsSchema(evidence: readonly string[]): JsonSchema {
  return {
    type: 'array',
    maxItems: MAX_RISK_CONCERNS,
    description: 'Every mention of risk, even brief, past or about someone else.',
    items: {
      type: 'object',
      properties: {
        evidence: evidenceSchema(evidence, 1),
        category: { type: 'string', enum: [...RISK_CATEGORIES] },
      },
      required: ['evidence', 'category'],
      additionalProperties: false,
    },
  };
}

/** One section's step: `{"<key>": [items]}`. */
export function sectionSchema(
  template: NoteTemplate,
  key: string,
  evidence: readonly string[],
  limits: OutputLimits,
): JsonSchema {
  return outputSchemaFor(onlySection(template, key), { evidence, limits });
}

/** The risk step of a direct note. */
export function riskSchema(evidence: readonly string[]): JsonSchema {
  return {
    type: 'object',
    properties: { risk_concerns: riskConcernsSchema(evidence) },
    required: ['risk_concerns'],
    additionalProperties: false,
  };
}

/** Map step: facts from one part of the session. */
export function extractPlan(
  evidence: readonly string[],
  limits: OutputLimits,
): { schema: JsonSchema } {
  return {
    schema: {
      type: 'object',
      properties: {
        // At least one: every stretch of a session holds something a note can use, and a
        // small model otherwise answers with nothing at all.
        facts: {
          type: 'array',
          items: itemSchema(limits, evidence),
          minItems: 1,
          maxItems: limits.maxItems,
        },
        risk_concerns: riskConcernsSchema(evidence),
      },
      required: ['facts', 'risk_concerns'],
      additionalProperties: false,
    },
  };
}

/** The template with only one section, for regenerating that section alone. */
export function onlySection(template: NoteTemplate, key: string): NoteTemplate {
  return { ...template, sections: template.sections.filter((s) => s.key === key) };
}
