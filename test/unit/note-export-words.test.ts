import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../electron/core/export/note/markdown';
import { initialsOf } from '../../electron/core/export/note/note-document';
import { toWinAnsi } from '../../electron/core/export/note/win-ansi';

describe('the words an exported note prints', () => {
  it('keeps what Helvetica shows and maps the rest, never printing garbage', () => {
    expect(toWinAnsi('“Café” — naïve ‘ok’ … € ™ Straße')).toBe('“Café” — naïve ‘ok’ … € ™ Straße');
    expect(toWinAnsi('Łódź, Győr, Iași')).toBe('Lódz, Gyor, Iasi');
    expect(toWinAnsi('score ≥ 5 → better‐ish')).toBe('score >= 5 -> better-ish');
    expect(toWinAnsi('ﬁne ２')).toBe('fine 2');
    expect(toWinAnsi('Ελένη 😀 a\u200bb\u00a0c')).toBe('????? ? ab\u00a0c');
    // Decomposed accents (as some keyboards type them) come out as the composed letter.
    expect(toWinAnsi('Cafe\u0301')).toBe('Café');
  });

  it('gives initials by word, hyphenated names and accents included', () => {
    expect(initialsOf('Zoë Anne Marchetti')).toBe('Z. A. M.');
    expect(initialsOf('  anne-marie  du pont ')).toBe('A. M. D. P.');
    expect(initialsOf('E\u0301lodie')).toBe('É.');
  });

  it('escapes what Markdown would read as markup, and nothing else', () => {
    expect(escapeMarkdown('Rated 7/10 (up from 5); *very* tired_now [sic] <b>')).toBe(
      'Rated 7/10 (up from 5); \\*very\\* tired\\_now \\[sic\\] \\<b\\>',
    );
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
  });
});
