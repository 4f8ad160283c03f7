import { wordsOf, type Sentence } from '../risk-text';

/**
 * Whose a bare risk word is. "Suicide" or "suicidal" alone names no act and no one; on public text
 * it was mostly talk about suicide in general or about someone else. When the speaker is plainly
 * its subject it is a disclosure and stands as a rule hit; otherwise the meaning layer must
 * confirm it (semantic-risk.ts).
 */

/** The speaker, as subject or owner: "I", "I'm", "my" (not "we": a group's talk is general). */
const SPEAKER = new Set(['i', "i'm", 'im', "i've", 'ive', "i'd", "i'll", 'me', 'my', 'myself']);
/** Anyone else the words before a risk word could be about. */
const SOMEONE_ELSE = new Set([
  ...['you', "you're", 'youre', "you've", 'youve', "you'd", 'your', 'yourself'],
  ...['he', 'she', 'they', 'him', 'her', 'them', 'his', 'their', 'people', 'someone', 'anyone'],
  ...['friend', 'friends', 'everyone', 'somebody', 'person'],
]);
const DENIAL = new Set([
  'not',
  'never',
  'no',
  'nor',
  'without',
  'dont',
  'didnt',
  'havent',
  'wasnt',
]);
/** How far before a risk word its owner may stand: "I have been feeling pretty suicidal". */
const OWNER_WORDS = 6;
/**
 * What may stand between the speaker and the risk word: being, feeling, thinking of, trying —
 * not "I know", "I think", "I told him", where the speaker only talks about suicide.
 */
const OWNER_BRIDGE = new Set([
  ...['am', 'was', 'been', 'be', 'being', 'get', 'got', 'getting', 'became', 'become', 'felt'],
  ...['feel', 'feeling', 'have', 'had', 'having', 'still', 'also', 'too', 'again', 'always'],
  ...['pretty', 'so', 'very', 'extremely', 'really', 'quite', 'kind', 'sort', 'of', 'a', 'bit'],
  ...['little', 'lot', 'seriously', 'constantly', 'often', 'sometimes', 'chronically', 'fairly'],
  ...['contemplating', 'contemplated', 'considering', 'considered', 'thinking', 'thought'],
  ...['about', 'attempted', 'attempting', 'tried', 'nearly', 'almost', 'close', 'to', 'myself'],
]);

/**
 * Whether the speaker owns a bare risk word: the nearest person before it, within a few words, is
 * the speaker, only words of being, feeling or trying stand between, and nothing denies it ("I feel
 * suicidal", "I was contemplating suicide", "my suicidal thoughts", "pretty suicidal myself"). Not
 * "I know suicide is never the answer" (the speaker only knows), "I told him suicide…" (someone
 * else is nearer) or "I have never considered suicide" (denied).
 */
export function speakerOwns(sentence: Sentence, quoteStart: number, quoteEnd: number): boolean {
  const before = wordsOf(sentence.text.slice(0, quoteStart)).slice(-OWNER_WORDS);
  const after = wordsOf(sentence.text.slice(quoteEnd)).slice(0, 2);
  if (before.some((word) => DENIAL.has(word) || word.endsWith("n't"))) return false;
  const owner = before.findLastIndex((word) => SPEAKER.has(word) || SOMEONE_ELSE.has(word));
  if (owner < 0) return after.includes('myself');
  if (!SPEAKER.has(before[owner] ?? '')) return false;
  return before.slice(owner + 1).every((word) => OWNER_BRIDGE.has(word));
}
