import { describe, expect, it } from 'vitest';
import { scrubTexts } from '../../electron/core/export/bulk/scrub-text';

const CLIENT = { name: 'Ingrid Halvorsen', pseudonym: 'client-0123456789abcdef' };

/**
 * The free text of a pseudonymised export: many short texts de-identified in one pass and cut back
 * apart, the client's own name (whole, in parts, any case, possessive) becoming their pseudonym and
 * everyone else a placeholder.
 */
describe('scrubbing the texts of an export', () => {
  it('keeps the texts apart and in order, the client named by their pseudonym', () => {
    const texts = [
      'Good to see you, Ingrid.',
      '',
      "ingrid halvorsen's sister Ana called from 555-123-4567.",
      'Nothing to remove here.',
      'HALVORSEN said it again.',
    ];
    expect(scrubTexts(texts, { knownNames: [CLIENT.name], client: CLIENT })).toEqual([
      `Good to see you, ${CLIENT.pseudonym}.`,
      '',
      `${CLIENT.pseudonym} sister [NAME] called from [PHONE].`,
      'Nothing to remove here.',
      `${CLIENT.pseudonym} said it again.`,
    ]);
  });

  it('names nobody after the client when the session has none, and handles no texts', () => {
    expect(scrubTexts(['Ingrid phoned.'], { knownNames: [CLIENT.name], client: null })).toEqual([
      '[NAME] phoned.',
    ]);
    expect(scrubTexts([], { knownNames: [], client: CLIENT })).toEqual([]);
  });
});
