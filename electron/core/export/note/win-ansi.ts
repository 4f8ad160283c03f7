/**
 * The PDF uses Helvetica, one of the 14 fonts every PDF reader has, so nothing is embedded and
 * the file stays small. Those fonts hold only the Windows-1252 (WinAnsi) characters: Latin-1
 * (é, ñ, ü, ß…) plus “smart quotes”, ‘’, – — … • € ™ and a few more, which pdfkit maps itself.
 * Anything else would print as garbage, so it is mapped here first: look-alike punctuation to its
 * plain form, accented letters outside Latin-1 to their base letter (ł → l, ő → o), and a
 * character with no Latin form at all (Greek, Cyrillic, CJK, emoji) to "?". The Word, Markdown,
 * EHR and FHIR exports keep every character as written.
 */

/** Code points pdfkit translates to WinAnsi bytes 0x80–0x9F (its WIN_ANSI_MAP). */
const WIN_ANSI_EXTRAS = new Set([
  0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017d, 0x017e, 0x0192, 0x02c6, 0x02dc, 0x2013, 0x2014,
  0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039,
  0x203a, 0x20ac, 0x2122,
]);

/** Look-alikes with no WinAnsi glyph, and letters that do not decompose to a base letter. */
const SUBSTITUTES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '–',
  '\u2015': '—',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u201b': '‘',
  '\u201f': '“',
  '\u2024': '.',
  '\u2027': '·',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2248': '~',
  '\u2260': '!=',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
};

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(code)
  );
}

function allWinAnsi(text: string): boolean {
  for (const char of text) if (!isWinAnsi(char)) return false;
  return true;
}

/** The text in characters Helvetica can show; see the comment at the top for how. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (isWinAnsi(char)) out += char;
    else if (/\s/u.test(char)) out += ' ';
    else out += substituteOf(char);
  }
  return out;
}

function substituteOf(char: string): string {
  const listed = SUBSTITUTES[char];
  if (listed !== undefined) return listed;
  // A letter with a mark outside Latin-1 (ő, ą, ș): its base letter.
  const stripped = char.normalize('NFD').replace(/\p{M}+/gu, '');
  if (stripped.length > 0 && allWinAnsi(stripped)) return stripped;
  // Compatibility forms (ﬁ ligature, full-width letters, superscripts) to their plain letters.
  const compatible = char.normalize('NFKC');
  if (compatible !== char && allWinAnsi(compatible)) return compatible;
  // A zero-width or control character shows nothing anyway.
  if (/[\p{Cc}\p{Cf}]/u.test(char)) return '';
  return '?';
}
