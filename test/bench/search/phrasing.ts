/**
 * Turns a line with alternatives and slots into one sentence (see topic-types.ts). Slots are
 * filled first, so an alternative may hold a slot: `{{partner}|My sister}`.
 */
export interface Slots {
  drug: string;
  partner: string;
  lost: string;
  child: string;
  day: string;
}

const SLOT = /\{(drug|partner|lost|child|day)\}/g;
const ALTERNATIVES = /\{([^{}]*)\}/g;

export function phrase(line: string, slots: Slots, random: () => number): string {
  const filled = line.replace(SLOT, (_, name: keyof Slots) => slots[name]);
  const chosen = filled.replace(ALTERNATIVES, (_, options: string) =>
    pick(options.split('|'), random),
  );
  // An optional word left out leaves two spaces (or a space before a comma) behind.
  const tidy = chosen
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.?!])/g, '$1')
    .trim();
  return tidy.charAt(0).toUpperCase() + tidy.slice(1);
}

export function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === '' ? 0 : words.length;
}
