import { describe, expect, it } from 'vitest';
import { deidentify } from '../../electron/core/sync/deidentify';
import { findListNames } from '../../electron/core/sync/deidentify/list-names';

/** Sentences written for these tests, in the shapes ASR and chat produce. */
const names = (text: string) => findListNames(text).map((f) => f.text);

describe('names from the name lists, whatever the letter case', () => {
  it.each([
    ['so i called marisol fenwick back', 'marisol fenwick'],
    ['we went with deshawn okonkwo-baptiste', 'deshawn okonkwo-baptiste'],
    ['Then Priyanka Venkataraman stopped answering.', 'Priyanka Venkataraman'],
  ])('a given name and a family name: %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    ['so i met oscar k maas at the station', 'oscar k maas'],
    ['we saw helena t. hřibová yesterday', 'helena t. hřibová'],
  ])('a full name with a lower-case middle initial: %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    ['then i talked to eriksson about it', 'eriksson'],
    ['honestly kowalczyk was right', 'kowalczyk'],
  ])('a rare family name alone in lower case: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('not a family name that is an everyday word', () => {
    expect(names('the brown house was young and gray')).toEqual([]);
  });

  it.each([
    ['honestly my friend jessica gets it', 'jessica'],
    ['i told brandon i needed space', 'brandon'],
    ['after that kayleigh stopped texting', 'kayleigh'],
  ])('a given name alone in lower case: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['Okonkwo, can you hear me?', 'Okonkwo'],
    ['Thorvaldsen never called back.', 'Thorvaldsen'],
  ])('an unknown capitalised word opening a sentence: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['Frank had given me the keys already.', 'Frank'],
    ['Hope said she would come.', 'Hope'],
    ['Then Will texted me at midnight.', 'Will'],
  ])('an everyday-word name that speaks or gives: %s', (text, name) => {
    expect(names(text)).toContain(name);
  });

  it.each([
    'Hope was all I had left.',
    'Will you be there?',
    'Frank talk helps.',
    'i will grace the meeting with hope, mark my words',
    'may i ask how the meds are working',
    'dont worry, theyre fine and im ok',
    'Im tired. Youre right. Thats it.',
    'Lexapro helped a bit. Sertraline did not.',
    'we talked about cambridge and denmark',
    'i went to rehab and my psych said the dx was fine',
  ])('leaves ordinary words alone: %s', (text) => {
    expect(names(text)).toEqual([]);
  });

  it('redacts a lower-case transcript line end to end', () => {
    expect(deidentify('my sister rebecca and her husband tomasz kowalczyk came over').text).toBe(
      'my sister [NAME] and her husband [NAME] came over',
    );
  });
});

describe('the safe list against capitalised everyday words', () => {
  it('does not take capitalised common words for names', () => {
    expect(
      deidentify('We read Article 12 of the Treaty about Gratitude and Discipline.').text,
    ).toBe('We read Article 12 of the Treaty about Gratitude and Discipline.');
  });

  it('still takes capitalised surnames that are common words', () => {
    expect(deidentify('I finally called Marsh about the lease.').text).toBe(
      'I finally called [NAME] about the lease.',
    );
  });
});

describe('the one something is given to', () => {
  it('takes an unknown word between a giving verb and a possessive', () => {
    expect(names('so i had given tavkhelidze her keys back')).toContain('tavkhelidze');
    expect(names('i told him his plan and gave mom her keys')).toEqual([]);
  });
});

describe('field labels', () => {
  it('leaves the labels of a contact card alone', () => {
    expect(
      deidentify('Ines Carvalho\nMobile: 0412 555 019\nWebsite:\nhttp://ines.example.org').text,
    ).toBe('[NAME]\nMobile: [PHONE]\nWebsite:\n[URL]');
  });
});

describe('speaker labels', () => {
  it('takes a name that labels a line, not a role', () => {
    expect(
      deidentify('Clinician: How was the week?\nRosalind: Long.\nBot: Anything else?\nWill: No.')
        .text,
    ).toBe('Clinician: How was the week?\n[NAME]: Long.\nBot: Anything else?\n[NAME]: No.');
  });
});
