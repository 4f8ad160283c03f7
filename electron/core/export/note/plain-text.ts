import {
  DRAFT_MARK,
  NOTHING_RECORDED,
  addendumHeading,
  factsOf,
  paragraphsOf,
  signatureLine,
  statementText,
} from './document-words';
import type { NoteDocument } from './note-document';

/**
 * "Copy for EHR": plain text for pasting into SimplePractice's or TherapyNotes' note fields. One
 * block per section (its title on a line, then one line per statement), a blank line between
 * blocks; no markup, bullets or tabs, which paste as stray characters in a web form's text box.
 * A draft starts with the draft mark; the signature and each addendum are blocks of their own.
 */
export function ehrText(doc: NoteDocument): string {
  const blocks: string[][] = [];
  if (!doc.signed) blocks.push([DRAFT_MARK]);
  for (const section of doc.sections) blocks.push([section.title, ...sectionLines(section)]);
  blocks.push([signatureLine(doc)]);
  for (const addendum of doc.addenda)
    blocks.push([addendumHeading(addendum), ...paragraphsOf(addendum.text)]);
  return `${blocks.map((lines) => lines.map(plain).join('\n')).join('\n\n')}\n`;
}

/**
 * The whole note as plain text (the FHIR attachment): the practice, title and facts first, then
 * the same blocks as the EHR text.
 */
export function fullText(doc: NoteDocument): string {
  const head = [
    ...doc.practice,
    ...(doc.practice.length > 0 ? [''] : []),
    doc.title,
    ...factsOf(doc).map((fact) => `${fact.label}: ${fact.value}`),
  ];
  return `${head.map(plain).join('\n')}\n\n${ehrText(doc)}`;
}

export function sectionLines(section: NoteDocument['sections'][number]): string[] {
  return section.statements.length === 0
    ? [NOTHING_RECORDED]
    : section.statements.map(statementText);
}

/** One line of pasteable text: no tabs or stray line breaks inside a statement. */
function plain(line: string): string {
  return line.replace(/[\t\r\n]+/g, ' ').trim();
}
