/**
 * The generated search library's cast and calendar: fictional clients, each with the few themes
 * they keep coming back to, seen weekly or fortnightly over two years; each session with two to
 * four topics (mostly the client's themes). Deterministic: the same seed and size give the same
 * library, ids included, so the labels (which session holds which topic) are known without
 * reading the database back.
 */
import { createHash } from 'node:crypto';
import type { SessionKind } from '../../../shared/domain/enums';
import { random } from '../../fixtures/sessions/script';
import { pick } from './phrasing';
import { TOPICS, topicById } from './topics';

/** Bump when what the generator writes changes: the cached library is keyed by it. */
export const GENERATOR_VERSION = 1;
export const LIBRARY_SEED = 22;
/** 1,000 sessions by 60 clients, the issue's library; smaller libraries keep the proportion. */
const SESSIONS_PER_CLIENT = 1000 / 60;
const FIRST_DAY = Date.parse('2024-01-08T00:00:00Z');
const SPAN_DAYS = 728;
const DAY_MS = 86_400_000;

export const TEMPLATES = ['soap', 'birp', 'dap'] as const;
export type TemplateId = (typeof TEMPLATES)[number];

export const DRUGS = ['sertraline', 'fluoxetine', 'escitalopram', 'venlafaxine', 'mirtazapine'];
const LOSSES = ['my mum', 'my dad', 'my brother', 'my nan', 'my best friend', 'my husband'];
const CHILDREN = ['Josh', 'Ella', 'Mia', 'Leo', 'Noah', 'Ruby', 'Kai', 'Isla'];
const PARTNERS = ['Sam', 'Alex', 'Jordan', 'Chris', 'Dana', 'Pat', 'Robin', 'Jamie', 'Lee'];
const FIRST_NAMES = [
  'Maria', 'Tom', 'Aisha', 'Ben', 'Chloe', 'Daniel', 'Elena', 'Farid', 'Grace', 'Hugo',
  'Imogen', 'Jack', 'Keisha', 'Liam', 'Maya', 'Nathan', 'Olivia', 'Priya', 'Quinn', 'Rosa',
  'Sean', 'Tara', 'Umar', 'Vera', 'Will', 'Xenia', 'Yusuf', 'Zoe', 'Amir', 'Bella',
  'Callum', 'Dina', 'Ethan', 'Fiona', 'George', 'Hana', 'Ivan', 'Jade', 'Karl', 'Lena',
  'Marcus', 'Nina', 'Oscar', 'Paula', 'Rafael', 'Sofia', 'Theo', 'Una', 'Victor', 'Wendy',
  'Adam', 'Beth', 'Carlos', 'Delia', 'Emil', 'Freya', 'Gareth', 'Helen', 'Isaac', 'Joy',
]; // prettier-ignore
const LAST_NAMES = [
  'Alvarez', 'Brennan', 'Chowdhury', 'Dawson', 'Eriksen', 'Fairclough', 'Gallagher', 'Hughes',
  'Iqbal', 'Jennings', 'Kowalski', 'Lindqvist', 'Morrow', 'Nakamura', 'Okafor', 'Pritchard',
  'Quigley', 'Ramsay', 'Sandoval', 'Thorne', 'Underwood', 'Varga', 'Whitlock', 'Yilmaz',
]; // prettier-ignore

export interface PlannedClient {
  index: number;
  id: string;
  name: string;
  kind: SessionKind;
  templateId: TemplateId;
  /** Topics this client keeps coming back to. */
  themes: string[];
  drug: string;
  lost: string;
  child: string;
  partner: string;
}

export interface PlannedSession {
  index: number;
  id: string;
  clientIndex: number;
  clientId: string;
  /** YYYY-MM-DD. */
  date: string;
  kind: SessionKind;
  templateId: TemplateId;
  topics: string[];
  /** Risk kinds its topics raise (one flag each). */
  risks: string[];
  /** Seed of its transcript and note. */
  seed: number;
}

export interface LibraryPlan {
  sessionCount: number;
  clients: PlannedClient[];
  sessions: PlannedSession[];
}

/** A stable UUID (v4 layout) from a name, so the same library always has the same ids. */
export function stableId(name: string): string {
  const hex = createHash('sha256').update(`cairn-search-bench:${name}`).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function planClient(index: number, next: () => number): PlannedClient {
  // One client in ten is a couple, one in twenty a family, one in twenty a group.
  const kind: SessionKind =
    index % 10 === 3
      ? 'couple'
      : index % 20 === 7
        ? 'family'
        : index % 20 === 17
          ? 'group'
          : 'individual';
  const themes = new Set<string>();
  if (kind === 'couple') themes.add('couple_conflict');
  if (kind === 'family') themes.add('parenting');
  const count = 4 + Math.floor(next() * 3);
  while (themes.size < count) themes.add(pick(TOPICS, next).id);
  const t = next();
  return {
    index,
    id: stableId(`client:${index}`),
    name: `${FIRST_NAMES[index % FIRST_NAMES.length]} ${LAST_NAMES[(index * 7) % LAST_NAMES.length]}${index >= FIRST_NAMES.length ? ` ${Math.floor(index / FIRST_NAMES.length) + 1}` : ''}`,
    kind,
    templateId: t < 0.5 ? 'soap' : t < 0.75 ? 'birp' : 'dap',
    themes: [...themes],
    drug: pick(DRUGS, next),
    lost: pick(LOSSES, next),
    child: pick(CHILDREN, next),
    partner: pick(PARTNERS, next),
  };
}

/** Two to four distinct topics, each from the client's themes four times in five. */
function sessionTopics(client: PlannedClient, next: () => number): string[] {
  const count = 2 + Math.floor(next() * 3);
  const topics = new Set<string>();
  while (topics.size < count)
    topics.add(next() < 0.8 ? pick(client.themes, next) : pick(TOPICS, next).id);
  return [...topics];
}

/** How many sessions each client has: uneven (6 to ~30 for the full library), summing to `total`. */
function sessionCounts(clients: number, total: number, next: () => number): number[] {
  const weights = Array.from({ length: clients }, () => 0.35 + next() * 1.3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < total; i = (i + 1) % clients)
    counts[i] = (counts[i] ?? 0) + 1;
  return counts;
}

export function planLibrary(sessionCount: number, seed = LIBRARY_SEED): LibraryPlan {
  const next = random(seed);
  const clientCount = Math.max(3, Math.round(sessionCount / SESSIONS_PER_CLIENT));
  const clients = Array.from({ length: clientCount }, (_, i) => planClient(i, next));
  const counts = sessionCounts(clientCount, sessionCount, next);
  const dated: Omit<PlannedSession, 'index' | 'id'>[] = [];
  clients.forEach((client, c) => {
    const count = counts[c] ?? 0;
    const interval = count * 14 < SPAN_DAYS ? 14 : 7;
    const start = Math.floor(next() * Math.max(1, SPAN_DAYS - count * interval));
    for (let s = 0; s < count; s++) {
      const topics = sessionTopics(client, next);
      dated.push({
        clientIndex: c,
        clientId: client.id,
        date: new Date(FIRST_DAY + (start + s * interval) * DAY_MS).toISOString().slice(0, 10),
        kind: client.kind,
        templateId: client.templateId,
        topics,
        risks: [...new Set(topics.flatMap((id) => topicById(id).risk ?? []))],
        seed: Math.floor(next() * 2 ** 31),
      });
    }
  });
  // In calendar order, as a practice's library fills up.
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.clientIndex - b.clientIndex);
  const sessions = dated.map((s, index) => ({ ...s, index, id: stableId(`session:${index}`) }));
  return { sessionCount, clients, sessions };
}

/**
 * The session the incremental-indexing measurement adds after the library is built: one more
 * 60-minute session for the first client, a week after the library's last day.
 */
export function extraSession(plan: LibraryPlan): PlannedSession {
  const client = plan.clients[0] as PlannedClient;
  const last = plan.sessions.at(-1)?.date ?? '2024-01-08';
  const topics = ['sleep', 'panic', 'medication'];
  return {
    index: plan.sessions.length,
    id: stableId(`extra-session:${plan.sessionCount}`),
    clientIndex: 0,
    clientId: client.id,
    date: new Date(Date.parse(`${last}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10),
    kind: client.kind,
    templateId: client.templateId,
    topics,
    risks: [],
    seed: 7,
  };
}
