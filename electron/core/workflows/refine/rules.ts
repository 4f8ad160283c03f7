import type { NoteContent, NoteItem, NoteSection } from '../../../../shared/api/note-schemas';
import { extractiveSections } from '../../notes/extractive/extractive-sections';
import type { NoteSegment } from '../../notes/generate/generate-note';
import type { NoteTemplate } from '../../notes/templates/note-template';
import { contentWords } from '../brief/analysis';
import { inPlainWords } from './plain-words';
import { bearsOnRisk } from './risk-statements';

/**
 * The floor under refinement: the common asks done by rules, deterministic and instant, when no
 * notes model is set up or its answer cannot be used. Statements keep their citations (a shorter
 * or plainer statement still rests on the same sentence); what the rules cannot do is said.
 */

export type RuleKind = 'shorter' | 'homework' | 'plainer';

const ASKS: readonly (readonly [RuleKind, RegExp])[] = [
  [
    'shorter',
    /\b(?:short|brief|concise|condense|trim|tighten|cut|less wordy|fewer words|succinct)/i,
  ],
  ['homework', /\b(?:homework|assignment|between sessions|task (?:set|given))/i],
  [
    'plainer',
    /\b(?:jargon|plain|simple|simpler|simplify|everyday|lay(?:man|person)?|easier to read|less clinical|clearer)/i,
  ],
];

export function rulesFor(request: string): RuleKind[] {
  return ASKS.filter(([, pattern]) => pattern.test(request)).map(([kind]) => kind);
}

/** Statements a shortened section keeps at most (risk statements are kept beyond it). */
const SHORT_ITEMS = 3;
/** A first sentence longer than this is cut at its first clause, if that clause says enough. */
const LONG_SENTENCE = 120;
const MIN_CLAUSE = 30;

function shortened(text: string): string {
  const trimmed = text.trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(trimmed)?.[0] ?? trimmed;
  if (sentence.length <= LONG_SENTENCE) return sentence;
  const clause = /^.+?(?=;|\s[—–-]\s|,\s(?:and|but|which|while|although|because)\s)/.exec(
    sentence,
  )?.[0];
  return clause && clause.length >= MIN_CLAUSE ? `${clause.trimEnd()}.` : sentence;
}

/** Two statements saying nearly the same: most content words shared. */
function nearDuplicate(a: string, b: string): boolean {
  const x = contentWords(a);
  const y = contentWords(b);
  if (x.size === 0 || y.size === 0) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.min(x.size, y.size) >= 0.8;
}

function shorterSection(section: NoteSection): NoteSection {
  const items: NoteItem[] = [];
  let plain = 0;
  for (const item of section.items) {
    // Risk statements are left exactly as they are: never cut, never counted against the cap.
    if (bearsOnRisk(section.key, item)) {
      items.push(item);
      continue;
    }
    const text = shortened(item.text);
    if (plain >= SHORT_ITEMS || items.some((kept) => nearDuplicate(kept.text, text))) continue;
    items.push({ ...item, text });
    plain += 1;
  }
  return { ...section, items };
}

function plainerSection(section: NoteSection): NoteSection {
  return {
    ...section,
    items: section.items.map((item) => ({ ...item, text: inPlainWords(item.text) })),
  };
}

/** The session's homework sentences, as cited statements, in the targeted section or where they belong. */
function withHomework(
  content: NoteContent,
  targets: readonly string[],
  template: NoteTemplate,
  segments: readonly NoteSegment[],
): NoteContent {
  const found = extractiveSections(template, segments, {
    onlyKinds: ['homework'],
    maxPerSection: 3,
    repeatForEmpty: false,
  });
  const cited = new Set(content.sections.flatMap((s) => s.items).flatMap((i) => i.segmentIds));
  const fallback = targets[0] ?? content.sections[0]?.key;
  const additions = new Map<string, NoteItem[]>();
  for (const section of found)
    for (const item of section.items) {
      if (!item.supported || item.segmentIds.every((id) => cited.has(id))) continue;
      item.segmentIds.forEach((id) => cited.add(id));
      const key = targets.includes(section.key) ? section.key : fallback;
      if (key) additions.set(key, [...(additions.get(key) ?? []), item]);
    }
  return {
    ...content,
    sections: content.sections.map((s) =>
      additions.has(s.key) ? { ...s, items: [...s.items, ...(additions.get(s.key) ?? [])] } : s,
    ),
  };
}

const DONE: Record<RuleKind, string> = {
  shorter: 'each statement cut to its first sentence, repeats dropped, at most three a section',
  homework: 'the homework set in the session added from the transcript',
  plainer: 'clinical terms put in everyday words',
};

const NOTHING: Record<RuleKind, string> = {
  shorter: 'it is already as short as the rules can make it',
  homework: 'the rules found no homework in the transcript that the note does not already say',
  plainer: 'the rules found no clinical term they know how to say more plainly',
};

export type RulesOutcome = { content: NoteContent; done: string } | { unserved: string };

/** The request done by rules on the targeted sections, or why the rules cannot do it. */
export function refineByRules(input: {
  request: string;
  base: NoteContent;
  targets: readonly string[];
  template: NoteTemplate;
  segments: readonly NoteSegment[];
}): RulesOutcome {
  const kinds = rulesFor(input.request);
  if (kinds.length === 0)
    return {
      unserved:
        'Without a notes model Cairn can only make a note shorter, plainer (less jargon) or add the homework; ask for one of those, or set up a notes model in Settings.',
    };
  const { targets } = input;
  let content = input.base;
  const done: string[] = [];
  const nothing: string[] = [];
  for (const kind of kinds) {
    const before = JSON.stringify(content);
    if (kind === 'homework')
      content = withHomework(content, targets, input.template, input.segments);
    else {
      const change = kind === 'shorter' ? shorterSection : plainerSection;
      content = {
        ...content,
        sections: content.sections.map((s) => (targets.includes(s.key) ? change(s) : s)),
      };
    }
    (JSON.stringify(content) === before ? nothing : done).push(kind);
  }
  if (done.length === 0)
    return {
      unserved: `Nothing to change: ${nothing.map((k) => NOTHING[k as RuleKind]).join('; ')}.`,
    };
  return { content, done: done.map((k) => DONE[k as RuleKind]).join('; ') };
}
