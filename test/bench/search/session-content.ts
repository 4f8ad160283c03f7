/**
 * One generated session's transcript and note. The transcript is a 50- to 70-minute conversation
 * (≈ 8,000 words, ≈ 1,000 segments): the clinician asks and reflects, the client answers, both
 * drift through small talk and back-channel; the session's topics follow one another through the
 * hour. The note summarises the topics in the template's sections, citing the segments where
 * each topic first came up, as a reviewed note does.
 */
import type { NoteContent, NoteItem } from '../../../shared/api/note-schemas';
import type { SpeakerRole } from '../../../shared/domain/enums';
import { random } from '../../fixtures/sessions/script';
import type { LibraryPlan, PlannedClient, PlannedSession, TemplateId } from './library-plan';
import { phrase, pick, wordCount, type Slots } from './phrasing';
import { BACKCHANNEL, CLIENT_GENERAL, CLINICIAN_GENERAL, SMALL_TALK } from './talk';
import { topicById } from './topics';
import type { Topic } from './topic-types';

const MIN_WORDS = 7000;
const MAX_WORDS = 9000;
/** Conversational speech, words per second (with the pauses, ≈ 8,000 words an hour). */
const WORDS_PER_SECOND = 2.6;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export interface GeneratedSpeaker {
  label: string;
  role: SpeakerRole;
  displayName: string | null;
}

export interface GeneratedSegment {
  speaker: string;
  start: number;
  end: number;
  text: string;
  /** The topic the line is about, if any (the note cites these segments). */
  topic: string | null;
}

export interface GeneratedTranscript {
  speakers: GeneratedSpeaker[];
  segments: GeneratedSegment[];
  words: number;
}

/** Who is in the room: the clinician, the client, and a partner, parent or group members. */
function speakersOf(client: PlannedClient, session: PlannedSession): GeneratedSpeaker[] {
  const first = client.name.split(' ')[0] ?? null;
  const people: GeneratedSpeaker[] = [
    { label: 'SPEAKER_00', role: 'clinician', displayName: null },
    { label: 'SPEAKER_01', role: 'client', displayName: first },
  ];
  const others =
    session.kind === 'couple' ? [client.partner] : session.kind === 'family' ? [client.child] : [];
  if (session.kind === 'group') others.push('Group member', 'Group member', 'Group member');
  others.forEach((name, i) =>
    people.push({ label: `SPEAKER_0${i + 2}`, role: 'other', displayName: name }),
  );
  return people;
}

function slotsFor(client: PlannedClient, next: () => number): Slots {
  return { ...client, day: pick(DAYS, next) };
}

export function generateTranscript(
  plan: LibraryPlan,
  session: PlannedSession,
): GeneratedTranscript {
  const client = plan.clients[session.clientIndex] as PlannedClient;
  const next = random(session.seed);
  const speakers = speakersOf(client, session);
  const talkers = speakers.slice(1).map((s) => s.label);
  const topics = session.topics.map(topicById);
  const target = MIN_WORDS + Math.floor(next() * (MAX_WORDS - MIN_WORDS));
  const segments: GeneratedSegment[] = [];
  let words = 0;
  let time = 2 + next() * 5;
  const say = (speaker: string, line: string, topic: string | null) => {
    const text = phrase(line, slotsFor(client, next), next);
    const count = wordCount(text);
    const start = time + 0.1 + next() * 0.4;
    const end = start + count / WORDS_PER_SECOND + 0.15;
    segments.push({ speaker, start: round(start), end: round(end), text, topic });
    words += count;
    time = end;
  };
  const clinician = 'SPEAKER_00';
  for (let i = 0; i < 3; i++)
    say(i % 2 ? (talkers[0] ?? clinician) : clinician, pick(SMALL_TALK, next), null);
  while (words < target) {
    const topic = topics[
      Math.min(topics.length - 1, Math.floor((words / target) * topics.length))
    ] as Topic;
    const r = next();
    if (r < 0.45) say(clinician, pick(topic.clinician, next), topic.id);
    else if (r < 0.8) say(clinician, pick(CLINICIAN_GENERAL, next), null);
    else if (r < 0.95) say(clinician, pick(BACKCHANNEL, next), null);
    else say(clinician, pick(SMALL_TALK, next), null);
    const answers = 1 + (next() < 0.4 ? 1 : 0) + (next() < 0.2 ? 1 : 0);
    for (let a = 0; a < answers; a++) {
      const speaker = pick(talkers, next);
      const t = next();
      if (t < 0.6) say(speaker, pick(topic.client, next), topic.id);
      else if (t < 0.8) say(speaker, pick(CLIENT_GENERAL, next), null);
      else if (t < 0.95) say(speaker, pick(BACKCHANNEL, next), null);
      else say(speaker, pick(SMALL_TALK, next), null);
      if (next() < 0.35) say(clinician, pick(BACKCHANNEL, next), null);
    }
  }
  say(clinician, 'Same time next week?', null);
  say(talkers[0] ?? clinician, 'Yes, that works. Thank you.', null);
  return { speakers, segments, words };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Which of a topic's note lines each template section takes (the rest get a generic line). */
const SECTION_LINES: Record<TemplateId, Record<string, number | string>> = {
  soap: { subjective: 0, objective: 'Client attended on time, engaged and reflective.', assessment: 1, plan: 2 },
  birp: { behavior: 0, intervention: 1, response: 'Client engaged with the intervention and reflected on it.', plan: 2 },
  dap: { data: 0, assessment: 1, plan: 2 },
}; // prettier-ignore

const TITLES: Record<string, string> = {
  subjective: 'Subjective', objective: 'Objective', assessment: 'Assessment', plan: 'Plan',
  behavior: 'Behavior', intervention: 'Intervention', response: 'Response', data: 'Data',
}; // prettier-ignore

function item(text: string, segmentIds: string[], quote: string): NoteItem {
  return { text, segmentIds, quote, fields: {}, supported: true, problems: [], origin: 'ai' };
}

/**
 * The note of a session: each section states, per topic, what its template takes from the topic,
 * citing the first two segments of the transcript on that topic (by the ids they were stored
 * with, `segmentIds[i]` for `transcript.segments[i]`).
 */
export function generateNote(
  plan: LibraryPlan,
  session: PlannedSession,
  transcript: GeneratedTranscript,
  segmentIds: readonly string[],
): NoteContent {
  const client = plan.clients[session.clientIndex] as PlannedClient;
  const next = random(session.seed ^ 0x5eed);
  const cited = (topic: string) =>
    transcript.segments.flatMap((s, i) => (s.topic === topic ? [i] : [])).slice(0, 2);
  const sections = Object.entries(SECTION_LINES[session.templateId]).map(([key, take]) => {
    const items =
      typeof take === 'string'
        ? [item(take, [], '')]
        : session.topics.map((id) => {
            const topic = topicById(id);
            const line = topic.note[Math.min(take, topic.note.length - 1)] as string;
            const at = cited(id);
            const quote = at.map((i) => transcript.segments[i]?.text ?? '').join(' ');
            return item(
              phrase(line, slotsFor(client, next), next),
              at.map((i) => segmentIds[i] ?? ''),
              quote,
            );
          });
    return { key, title: TITLES[key] ?? key, items };
  });
  return { templateId: session.templateId, templateVersion: 1, sections };
}

export function noteText(content: NoteContent): string {
  return content.sections.flatMap((s) => [s.title, ...s.items.map((i) => i.text)]).join('\n');
}
