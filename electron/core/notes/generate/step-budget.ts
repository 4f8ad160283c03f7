import type { LlmProvider } from '../llm/provider';
import { RISK_CATEGORIES } from '../risk/risk-categories';
import type { NoteTemplate, OutputLimits } from '../templates/note-template';

/**
 * How many tokens a step's answer can take at most, counted with the model's own tokenizer, so
 * `maxTokens` is the answer's real ceiling and a grammar-constrained answer cannot be cut off
 * mid-JSON. The grammar bounds everything: the number of items, the evidence per item (chosen
 * from a fixed list, whose longest entry is counted exactly), the characters per statement and
 * per field, and the whitespace (node-llama-cpp allows a newline and fixed indentation only).
 */

/** A free-text field (not an enum) may hold this many characters; the schema says so too. */
export const FIELD_CHARS = 80;
/** Newline and indentation the grammar may put around a value, counted generously. */
const WHITESPACE_TOKENS = 6;
/** Chat-template tokens around the system and user turns and the answer's start. */
export const TURN_MARGIN_TOKENS = 48;

export interface Counter {
  count: (text: string) => Promise<number>;
}

/** The most tokens one evidence entry can take as a JSON string: the longest one, counted. */
export async function longestEvidenceTokens(
  provider: LlmProvider,
  evidence: readonly string[],
): Promise<number> {
  // Counting every entry is exact; entries are sorted by length first and the longest 40 counted,
  // since token counts follow length closely and a 60-minute session has ~1,500 sentences.
  const longest = [...evidence].sort((a, b) => b.length - a.length).slice(0, 40);
  let most = 4;
  for (const entry of longest)
    most = Math.max(most, await provider.countTokens(JSON.stringify(entry)));
  return most;
}

/**
 * Statements can be any characters; in the worst case each is a token of its own (and an escaped
 * quote two characters), so a statement of N characters takes at most 1.1 N + 2 tokens.
 */
const textTokens = (chars: number) => Math.ceil(chars * 1.1) + 2;

/** Tokens one item (evidence, statement, a section's fields) can take. */
async function itemTokens(
  provider: LlmProvider,
  limits: OutputLimits,
  evidenceTokens: number,
  fields: NoteTemplate['sections'][number]['fields'],
): Promise<number> {
  let total =
    (await provider.countTokens('{"evidence": [], "text": ""}, ')) +
    limits.maxEvidence * (evidenceTokens + 2 + WHITESPACE_TOKENS) +
    textTokens(limits.maxTextLength) +
    3 * WHITESPACE_TOKENS;
  for (const [key, field] of Object.entries(fields ?? {})) {
    let value = textTokens(FIELD_CHARS);
    if (field.enum) {
      value = 0;
      for (const option of field.enum)
        value = Math.max(value, await provider.countTokens(JSON.stringify(option)));
    }
    total += (await provider.countTokens(`, "${key}": `)) + value + WHITESPACE_TOKENS;
  }
  return total;
}

/** The ceiling of a one-section answer: `{"<key>": [items…]}`. */
export async function sectionAnswerTokens(
  provider: LlmProvider,
  section: NoteTemplate['sections'][number],
  limits: OutputLimits,
  evidenceTokens: number,
): Promise<number> {
  const open = await provider.countTokens(`{"${section.key}": []}`);
  const item = await itemTokens(provider, limits, evidenceTokens, section.fields);
  return open + limits.maxItems * item + 2 * WHITESPACE_TOKENS;
}

/** The ceiling of a list of plain items under `key` (map-step facts), plus risk concerns. */
export async function listAnswerTokens(
  provider: LlmProvider,
  key: string,
  limits: OutputLimits,
  evidenceTokens: number,
  riskItems: number,
): Promise<number> {
  const open = await provider.countTokens(`{"${key}": [], "risk_concerns": []}`);
  const item = await itemTokens(provider, limits, evidenceTokens, undefined);
  const risk = await riskItemTokens(provider, evidenceTokens);
  return open + limits.maxItems * item + riskItems * risk + 4 * WHITESPACE_TOKENS;
}

/** One risk concern: one evidence entry and a category from the closed list. */
export async function riskItemTokens(
  provider: LlmProvider,
  evidenceTokens: number,
): Promise<number> {
  let category = 0;
  for (const name of RISK_CATEGORIES)
    category = Math.max(category, await provider.countTokens(JSON.stringify(name)));
  return (
    (await provider.countTokens('{"evidence": [], "category": }, ')) +
    evidenceTokens +
    category +
    4 * WHITESPACE_TOKENS
  );
}
