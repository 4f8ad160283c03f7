import type { MethodName } from '../../../shared/api/contract';
import type { Db } from '../store/open-database';
import { recordAudit, type AuditEntityType } from '../store/repositories/audit';
import type { Handlers } from './handlers';

/**
 * A page reloads what it shows whenever something changes, so "viewed" is logged once per
 * record per `windowMs` (and again after the app locked), not once per reload.
 */
export class ViewLog {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly actor: string,
    private readonly now: () => number,
    private readonly windowMs = 30 * 60_000,
  ) {}

  record(action: string, entityType: AuditEntityType, entityId: string): void {
    const key = `${action} ${entityId}`;
    const last = this.seen.get(key);
    const now = this.now();
    if (last !== undefined && now - last < this.windowMs) return;
    this.seen.set(key, now);
    recordAudit(this.db, { actor: this.actor, action, entityType, entityId });
  }

  /** Locked or logged off: the next look at anything is a new view. */
  forget(): void {
    this.seen.clear();
  }
}

type Viewed = (
  input: Record<string, unknown>,
  output: unknown,
) => [string, AuditEntityType, string][];

/** Which reads show a record's content, and what each logs (ids only). */
const VIEWS: Partial<Record<MethodName, Viewed>> = {
  'sessions.get': (input) => [['session.viewed', 'session', String(input.id)]],
  'sessions.transcript': (input) => [['transcript.viewed', 'session', String(input.id)]],
  'clients.get': (input) => [['client.viewed', 'client', String(input.id)]],
  'notes.get': (input) => [['note.viewed', 'note', String(input.id)]],
  'briefs.get': (input, output) =>
    output ? [['brief.viewed', 'session', String(input.sessionId)]] : [],
  // A joint summary is the couple's: its view is logged on the joint session, by ids only.
  'couples.get': (_input, output) => {
    const latest = (output as { latest: { sessionId: string } | null }).latest;
    return latest ? [['couples.viewed', 'session', latest.sessionId]] : [];
  },
  'plans.get': (input) => [['plan.viewed', 'client', String(input.clientId)]],
  // Search shows passages of sessions: each session a page of hits showed, by id (never the query).
  'search.query': (_input, output) =>
    [...new Set((output as { hits: { sessionId: string | null }[] }).hits.map((h) => h.sessionId))]
      .filter((id): id is string => id !== null)
      .map((id) => ['search.viewed', 'session', id]),
  'followups.get': (input) => [['followup.viewed', 'follow_up', String(input.id)]],
  'notes.list': (_input, output) =>
    (output as { id: string }[]).map((note) => ['note.viewed', 'note', note.id]),
};

/** The handlers, with the reads above logging what they showed once they succeeded. */
export function withViewAudit(handlers: Handlers, views: ViewLog): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [method, viewed] of Object.entries(VIEWS)) {
    const handler = handlers[method as MethodName] as (input: unknown) => unknown;
    wrapped[method] = async (input: Record<string, unknown>) => {
      const output = await handler(input);
      for (const [action, type, id] of viewed(input, output)) views.record(action, type, id);
      return output;
    };
  }
  return wrapped as Handlers;
}
