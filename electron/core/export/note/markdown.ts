import {
  DRAFT_MARK,
  addendumHeading,
  factsOf,
  paragraphsOf,
  signatureLine,
} from './document-words';
import type { NoteDocument } from './note-document';
import { sectionLines } from './plain-text';

/**
 * The note as Markdown (CommonMark): the practice, a level-1 title, the facts as a list, a
 * level-2 heading per section with its statements as a list, then the signature and addenda.
 * Statements are escaped, so a "*" or "#" a clinician typed stays a character.
 */
export function markdownText(doc: NoteDocument): string {
  const out: string[] = [];
  if (doc.practice.length > 0) {
    const [name = '', ...address] = doc.practice.map(escapeMarkdown);
    // Two trailing spaces: a line break inside one paragraph.
    out.push([`**${name}**`, ...address].join('  \n'), '');
  }
  out.push(`# ${escapeMarkdown(doc.title)}`, '');
  if (!doc.signed) out.push(`**${DRAFT_MARK}**`, '');
  for (const fact of factsOf(doc)) out.push(`- **${fact.label}:** ${escapeMarkdown(fact.value)}`);
  out.push('');
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.title)}`, '');
    for (const line of sectionLines(section)) out.push(`- ${escapeMarkdown(line)}`);
    out.push('');
  }
  out.push('## Signature', '', escapeMarkdown(signatureLine(doc)), '');
  if (doc.addenda.length > 0) {
    out.push('## Addenda', '');
    for (const addendum of doc.addenda)
      out.push(
        `### ${escapeMarkdown(addendumHeading(addendum))}`,
        '',
        ...paragraphsOf(addendum.text).flatMap((p) => [escapeMarkdown(p), '']),
      );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Backslash before what CommonMark could read as markup: emphasis, code, links and HTML anywhere,
 * a heading, list or quote marker at the start. Brackets escaped make "(" harmless.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    .replace(/^(\s*)([#+\-=]|\d+[.)])/, (_, space: string, marker: string) =>
      marker.length === 1
        ? `${space}\\${marker}`
        : `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`,
    );
}
