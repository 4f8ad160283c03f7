/**
 * The floor under note writing: when no notes model is installed or every attempt failed, the
 * template's sections are filled with transcript sentences chosen by rules, each citing its
 * segment, so the clinician always has something to edit. Pure, deterministic and fast (one pass
 * of regular expressions plus the risk scanner).
 */
import type { NoteItem, NoteSection } from '../../../../shared/api/note-schemas';
import { verifyItem } from '../evidence/verify-citations';
import type { NoteSegment } from '../generate/generate-note';
import { scanRisk, type RiskHit } from '../risk/scan-risk';
import type { NoteTemplate } from '../templates/note-template';
import { concernScore, kindsOf, type SentenceKind } from './rules';
import { kindsForSection } from './section-kinds';
import { transcriptSentences, type TranscriptSentence } from './sentences';

export interface ExtractiveOptions {
  /** Fill only these sections (keys); the others are returned empty. */
  onlySections?: readonly string[];
  /** Items per section (default 4). */
  maxPerSection?: number;
  /** Consider only sentences of these kinds (default: every kind a section wants). */
  onlyKinds?: readonly SentenceKind[];
  /**
   * Kinds every section takes in place of its own, best first: the last resort for a required
   * section whose own kinds found nothing in this session (extractive/required-sections.ts).
   */
  kinds?: readonly SentenceKind[];
  /** A section left with nothing may repeat a sentence another took (default true). */
  repeatForEmpty?: boolean;
  /** The session's risk hits when already scanned (rules and meaning); else the rules scan here. */
  riskHits?: readonly RiskHit[];
}

const DEFAULT_MAX = 4;

type TemplateSection = NoteTemplate['sections'][number];

interface Candidate {
  sentence: TranscriptSentence;
  kinds: Set<SentenceKind>;
  risk: RiskHit | undefined;
}

/** The scanner's hits placed on sentences: the sentence of the segment holding the quote. */
function riskBySentence(
  hits: readonly RiskHit[],
  sentences: readonly TranscriptSentence[],
): Map<number, RiskHit> {
  const bySegment = new Map<string, TranscriptSentence[]>();
  for (const s of sentences) bySegment.set(s.segmentId, [...(bySegment.get(s.segmentId) ?? []), s]);
  const norm = (t: string) => t.replace(/[’‘]/g, "'").toLowerCase();
  const found = new Map<number, RiskHit>();
  for (const hit of hits) {
    const own = bySegment.get(hit.segmentId) ?? [];
    const sentence = own.find((s) => norm(s.text).includes(norm(hit.quote))) ?? own[0];
    if (sentence && !found.has(sentence.index)) found.set(sentence.index, hit);
  }
  return found;
}

/** Within one kind, lower is better: concerns early and long, anything else in session order. */
function tieBreak(c: Candidate, kind: SentenceKind, total: number): number {
  return kind === 'concern' ? -concernScore(c.sentence, total) : c.sentence.index;
}

/**
 * The sentences a section wants, taking its kinds in turns: the best of each kind before the
 * second of any, so a plan's homework does not crowd out the next appointment. A sentence counts
 * for the first of the section's kinds it is.
 */
function ranked(
  candidates: readonly Candidate[],
  wanted: readonly SentenceKind[],
  total: number,
): Candidate[] {
  const groups = wanted.map(() => [] as { c: Candidate; tie: number }[]);
  for (const c of candidates) {
    const position = wanted.findIndex((kind) => c.kinds.has(kind));
    const kind = wanted[position];
    if (kind !== undefined) groups[position]?.push({ c, tie: tieBreak(c, kind, total) });
  }
  for (const group of groups)
    group.sort((a, b) => a.tie - b.tie || a.c.sentence.index - b.c.sentence.index);
  const out: Candidate[] = [];
  const longest = Math.max(0, ...groups.map((g) => g.length));
  for (let turn = 0; turn < longest; turn += 1)
    for (const group of groups) {
      const next = group[turn];
      if (next) out.push(next.c);
    }
  return out;
}

/** An enum field filled from what the sentence is; left out when nothing fits (fields may be empty). */
function fieldsFor(section: TemplateSection, c: Candidate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, field] of Object.entries(section.fields ?? {})) {
    const options = field.enum;
    if (!options) continue;
    const value =
      c.risk && options.includes(c.risk.category) ? c.risk.category : statusFor(options, c);
    if (value !== undefined) fields[key] = value;
  }
  return fields;
}

function statusFor(options: readonly string[], c: Candidate): string | undefined {
  const text = c.sentence.text.toLowerCase();
  const prefer = c.kinds.has('homework')
    ? ['assigned']
    : /\bpracti[sc]/.test(text)
      ? ['practised', 'practiced']
      : /\b(?:again|last (?:week|time)|review)/.test(text)
        ? ['reviewed']
        : ['introduced'];
  return prefer.find((p) => options.includes(p));
}

function attributed(sentence: TranscriptSentence): string {
  const speaker = sentence.speaker.trim() || 'Unknown speaker';
  return `${speaker}: “${sentence.text}”`;
}

function itemOf(
  section: TemplateSection,
  c: Candidate,
  segments: ReadonlyMap<string, string>,
): NoteItem {
  const verified = verifyItem(
    { text: attributed(c.sentence), segmentIds: [c.sentence.segmentId], quote: c.sentence.text },
    segments,
  );
  return {
    text: verified.text,
    segmentIds: verified.segmentIds,
    quote: verified.quote,
    fields: fieldsFor(section, c),
    supported: verified.supported,
    problems: verified.problems,
    origin: 'extractive',
  };
}

export function extractiveSections(
  template: NoteTemplate,
  segments: readonly NoteSegment[],
  options: ExtractiveOptions = {},
): NoteSection[] {
  const max = Math.max(0, options.maxPerSection ?? DEFAULT_MAX);
  const only = options.onlySections ? new Set(options.onlySections) : null;
  const sentences = transcriptSentences(segments);
  const risks = riskBySentence(options.riskHits ?? scanRisk(segments), sentences);
  const candidates: Candidate[] = sentences.map((sentence) => {
    const kinds = kindsOf(sentence);
    const risk = risks.get(sentence.index);
    if (risk) kinds.add('risk');
    return { sentence, kinds, risk };
  });
  const texts = new Map(segments.map((s) => [s.id, s.text]));
  const total = sentences.length;

  const active = template.sections.filter((s) => only === null || only.has(s.key));
  const allowed = (kind: SentenceKind) => !options.onlyKinds || options.onlyKinds.includes(kind);
  const wanted = new Map(
    active.map((s) => [s.key, (options.kinds ?? kindsForSection(s)).filter(allowed)]),
  );
  // Narrow sections choose first, so "risk only" is not left empty by a broad section that took
  // the same sentence; ties keep template order.
  // Sections that want risk choose first of all: a risk statement belongs where risk is read.
  // (the one that wants it most first: BIRP's behaviour before its response).
  const wantsRisk = (key: string) => {
    const position = wanted.get(key)?.indexOf('risk') ?? -1;
    return position < 0 ? Number.MAX_SAFE_INTEGER : position;
  };
  const order = [...active].sort(
    (a, b) =>
      wantsRisk(a.key) - wantsRisk(b.key) ||
      (wanted.get(a.key)?.length ?? 0) - (wanted.get(b.key)?.length ?? 0),
  );
  const used = new Set<number>();
  const chosen = new Map<string, Candidate[]>();
  const lists = new Map(
    order.map((s) => [s.key, ranked(candidates, wanted.get(s.key) ?? [], total)]),
  );
  for (const section of order) {
    const picks = (lists.get(section.key) ?? [])
      .filter((c) => !used.has(c.sentence.index))
      .slice(0, max);
    for (const c of picks) used.add(c.sentence.index);
    chosen.set(section.key, picks);
  }
  // A section whose every candidate went elsewhere may repeat one: better than nothing to edit.
  for (const section of order)
    if (options.repeatForEmpty !== false && (chosen.get(section.key)?.length ?? 0) === 0) {
      const fallback = (lists.get(section.key) ?? []).slice(0, Math.min(1, max));
      chosen.set(section.key, fallback);
    }

  return template.sections.map((section) => ({
    key: section.key,
    title: section.title,
    items: [...(chosen.get(section.key) ?? [])]
      .sort((a, b) => a.sentence.index - b.sentence.index)
      .map((c) => itemOf(section, c, texts)),
  }));
}
