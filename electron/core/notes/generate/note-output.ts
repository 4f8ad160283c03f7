import type { NoteContent, NoteItem, NoteSection } from '../../../../shared/api/note-schemas';
import { verifyItem } from '../evidence/verify-citations';
import { parseEvidence } from './evidence-lines';
import type { RiskCategory } from '../risk/risk-categories';
import type { NoteTemplate } from '../templates/note-template';
import { echoesInstructions } from './instruction-echo';

/**
 * Turns what the model wrote (short references like "s12", already schema-shaped by the grammar)
 * into the note Cairn stores: real segment ids, every citation checked against the transcript.
 */

interface RawItem {
  evidence: string[];
  text: string;
  [field: string]: unknown;
}

/** A risk the model reported, in segment ids; merged with the scanner's hits. */
export interface ModelRiskConcern {
  category: RiskCategory;
  segmentIds: string[];
  quote: string;
}

/** Evidence entries → the segments cited and the quote checked (the first entry's sentence). */
export function citationOf(
  evidence: readonly string[],
  index: TranscriptIndex,
): { segmentIds: string[]; quote: string } {
  const parsed = evidence.map(parseEvidence);
  return {
    segmentIds: toSegmentIds(
      parsed.map((entry) => entry.ref),
      index,
    ),
    quote: parsed[0]?.quote ?? '',
  };
}

export interface TranscriptIndex {
  /** Short reference → segment id. */
  idOf: ReadonlyMap<string, string>;
  /** Segment id → text, for checking quotes. */
  textOf: ReadonlyMap<string, string>;
}

/** Unknown references are kept as written, so the check reports them instead of hiding them. */
export function toSegmentIds(refs: readonly string[], index: TranscriptIndex): string[] {
  return [...new Set(refs.map((ref) => index.idOf.get(ref) ?? ref))];
}

function toNoteItem(raw: RawItem, index: TranscriptIndex): NoteItem {
  const { text, evidence, ...rest } = raw;
  const fields = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  const { segmentIds, quote } = citationOf(evidence, index);
  const verified = verifyItem({ text, segmentIds, quote }, index.textOf);
  return {
    text: text.trim(),
    segmentIds: verified.segmentIds,
    quote: quote.trim(),
    fields,
    supported: verified.supported,
    problems: verified.problems,
    origin: 'ai',
  };
}

/** How many of the model's statements repeated Cairn's instructions (left out by toSections). */
export function instructionEchoes(template: NoteTemplate, json: Record<string, unknown>): number {
  return template.sections
    .flatMap((section) => (json[section.key] ?? []) as RawItem[])
    .filter((item) => echoesInstructions(item.text, template)).length;
}

export function toSections(
  template: NoteTemplate,
  json: Record<string, unknown>,
  index: TranscriptIndex,
): NoteSection[] {
  return template.sections.map((section) => ({
    key: section.key,
    title: section.title,
    items: ((json[section.key] ?? []) as RawItem[])
      .filter((item) => item.text.trim().length > 0 && !echoesInstructions(item.text, template))
      .map((item) => toNoteItem(item, index)),
  }));
}

/** The model's own risk list, plus the items of a template's risk section (session summary). */
export function riskConcernsOf(
  json: Record<string, unknown>,
  sections: readonly NoteSection[],
  index: TranscriptIndex,
): ModelRiskConcern[] {
  const listed = (
    (json.risk_concerns ?? []) as { category: RiskCategory; evidence: string[] }[]
  ).map((concern) => ({ category: concern.category, ...citationOf(concern.evidence, index) }));
  const fromSections = sections
    .flatMap((section) => section.items)
    .filter((item) => typeof item.fields.category === 'string')
    .map((item) => ({
      category: item.fields.category as RiskCategory,
      segmentIds: item.segmentIds,
      quote: item.quote,
    }));
  return [...listed, ...fromSections];
}

/**
 * The note as plain text for the record: titles, one line per statement, fields in brackets,
 * and a visible mark on any statement whose evidence did not check out.
 */
export function renderNoteText(templateName: string, content: NoteContent): string {
  const lines = [templateName];
  for (const section of content.sections) {
    lines.push('', section.title);
    if (section.items.length === 0) lines.push('- (nothing recorded)');
    for (const item of section.items) {
      const fields = Object.entries(item.fields)
        .map(([key, value]) => `${key.replace(/_/g, ' ')}: ${value}`)
        .join('; ');
      const mark =
        item.origin === 'ai' && !item.supported ? ' [unverified: check the transcript]' : '';
      lines.push(`- ${item.text}${fields ? ` (${fields})` : ''}${mark}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
