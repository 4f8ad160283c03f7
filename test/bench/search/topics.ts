import { ANXIETY_TOPICS } from './topics-anxiety';
import { BODY_TOPICS } from './topics-body';
import { MOOD_TOPICS } from './topics-mood';
import { RELATION_TOPICS } from './topics-relations';
import type { Topic } from './topic-types';

/** The whole bank of clinical topics the generated library's sessions are made of. */
export const TOPICS: readonly Topic[] = [
  ...MOOD_TOPICS,
  ...ANXIETY_TOPICS,
  ...RELATION_TOPICS,
  ...BODY_TOPICS,
];

const BY_ID = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function topicById(id: string): Topic {
  const topic = BY_ID.get(id);
  if (!topic) throw new Error(`No topic "${id}" in the bank`);
  return topic;
}
