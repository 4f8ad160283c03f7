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
 * The JSON the model must produce at each step, and how many tokens that can take. Every array
 * and string is bounded, so a grammar-constrained answer always ends within its token budget.
 */

/** Risk concerns the model reports beside the note; merged with the scanner's, never instead. */
export const MAX_RISK_CONCERNS = 4;

/** A statement is a sentence or two: long enough for a clinical statement, short enough to fit. */
const STATEMENT_CHARS = 220;

/** English averages about 4 characters a token; 3 leaves room for rare words and names. */
const tokensForChars = (chars: number) => Math.ceil(chars / 3);

/** The most an evidence entry (one of `evidence`) can take: the longest one. */
function evidenceTokens(evidence: readonly string[]): number {
  return tokensForChars(Math.max(20, ...evidence.map((entry) => entry.length))) + 4;
}

/** A small context affords one evidence sentence per statement; a larger one two. */
function limitsFor(contextSize: number, maxItems: number): OutputLimits {
  return { maxItems, maxTextLength: STATEMENT_CHARS, maxEvidence: contextSize >= 8192 ? 2 : 1 };
}

/** Tokens one item can take: evidence, statement, keys and punctuation. */
function itemTokens(limits: OutputLimits, evidence: readonly string[]): number {
  return tokensForChars(limits.maxTextLength) + limits.maxEvidence * evidenceTokens(evidence) + 16;
}

function riskTokens(evidence: readonly string[]): number {
  return MAX_RISK_CONCERNS * (evidenceTokens(evidence) + 20);
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

export interface StepPlan {
  schema: JsonSchema;
  maxTokens: number;
}

/**
 * The note itself (direct, or reduce), sized to the context: the answer may take up to 40 % of
 * it, and the statements per section follow from that.
 */
export function notePlan(
  template: NoteTemplate,
  contextSize: number,
  evidence: readonly string[],
  options: { withRisk: boolean },
): StepPlan {
  const reserve = Math.min(6000, Math.floor(contextSize * 0.4));
  const risk = options.withRisk ? riskTokens(evidence) : 0;
  const perSection = itemTokens(limitsFor(contextSize, 1), evidence) * template.sections.length;
  const maxItems = Math.max(1, Math.min(8, Math.floor((reserve - risk) / perSection)));
  const schema = outputSchemaFor(template, { evidence, limits: limitsFor(contextSize, maxItems) });
  if (options.withRisk) {
    (schema.properties as Record<string, JsonSchema>).risk_concerns = riskConcernsSchema(evidence);
    (schema.required as string[]).push('risk_concerns');
  }
  return { schema, maxTokens: maxItems * perSection + risk + 64 };
}

/** Map step: facts from one part of the session, `maxFacts` of them at most. */
export function extractPlan(
  evidence: readonly string[],
  contextSize: number,
  maxFacts: number,
): StepPlan {
  const limits = limitsFor(contextSize, maxFacts);
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
          maxItems: maxFacts,
        },
        risk_concerns: riskConcernsSchema(evidence),
      },
      required: ['facts', 'risk_concerns'],
      additionalProperties: false,
    },
    maxTokens: maxFacts * itemTokens(limits, evidence) + riskTokens(evidence) + 64,
  };
}

/** Tokens one extracted fact can take when shown to the reduce step. */
export function factTokens(contextSize: number, evidence: readonly string[]): number {
  return itemTokens(limitsFor(contextSize, 1), evidence);
}

/** The template with only one section, for regenerating that section alone. */
export function onlySection(template: NoteTemplate, key: string): NoteTemplate {
  return { ...template, sections: template.sections.filter((s) => s.key === key) };
}
