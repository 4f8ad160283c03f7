import type { GoalStatus } from '../../../../shared/domain/enums';
import type { Db } from '../../store/open-database';
import { planView } from '../../store/repositories/plans';
import type { ExportIdentity } from './export-identity';
import { EXPORT_FORMAT, type PendingRecord } from './session-record';

/**
 * A client's file: who (when identified) and their treatment plan. The plan is the client's, not a
 * session's: it changes only when the clinician decides, and each goal's timeline already names the
 * sessions that moved it. One file per client says it once instead of copying it into every session.
 */
export interface ClientRecord {
  format: typeof EXPORT_FORMAT.format;
  version: typeof EXPORT_FORMAT.version;
  kind: 'client';
  client: { id: string; name: string | null };
  plan: {
    version: number;
    goals: ExportedGoal[];
    interventions: {
      framework: string;
      technique: string;
      goals: string[];
      since: string;
    }[];
    homework: {
      text: string;
      given: string;
      session: string;
      goal: string | null;
      status: string;
    }[];
  } | null;
  planVersions: { version: number; createdAt: string; createdBy: string | null; change: string }[];
}

export interface ExportedGoal {
  id: string;
  statement: string;
  smart: {
    specific: string;
    measurable: string;
    achievable: string;
    relevant: string;
    timeBound: string;
  };
  measure: string;
  target: { key: string; value: number; scale: number; direction: 'down' | 'up' } | null;
  status: GoalStatus;
  setOn: string;
  updatedOn: string;
  progress: { session: string; date: string; status: GoalStatus; planVersion: number }[];
}

const SMART_KEYS = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const;

export function clientRecord(
  db: Db,
  clientId: string,
  identity: ExportIdentity,
): PendingRecord<ClientRecord> {
  const view = planView(db, clientId);
  const content = view.current?.content;
  const texts = content
    ? [
        ...content.goals.flatMap((g) => [
          g.statement,
          ...SMART_KEYS.map((k) => g.smart[k]),
          g.measure,
        ]),
        ...content.homework.map((h) => h.text),
      ]
    : [];
  return {
    texts,
    names: identity.scrubNames(null, clientId),
    build: (scrubbed) => {
      let read = 0;
      const take = () => scrubbed[read++] ?? '';
      const timeline = new Map(view.timelines.map((t) => [t.goalId, t.entries]));
      return {
        ...EXPORT_FORMAT,
        kind: 'client',
        client: { id: identity.client(clientId), name: identity.clientName(clientId) },
        plan:
          content && view.current
            ? {
                version: view.current.version,
                goals: content.goals.map((goal) => ({
                  id: goal.id,
                  statement: take(),
                  smart: {
                    specific: take(),
                    measurable: take(),
                    achievable: take(),
                    relevant: take(),
                    timeBound: take(),
                  },
                  measure: take(),
                  target: goal.target,
                  status: goal.status,
                  setOn: goal.setOn,
                  updatedOn: goal.updatedOn,
                  progress: (timeline.get(goal.id) ?? []).map((entry) => ({
                    session: identity.session(entry.sessionId),
                    date: entry.date,
                    status: entry.status,
                    planVersion: entry.planVersion,
                  })),
                })),
                interventions: content.interventions.map((i) => ({
                  framework: i.frameworkName,
                  technique: i.techniqueName,
                  goals: i.goalIds,
                  since: i.since,
                })),
                homework: content.homework.map((h) => ({
                  text: take(),
                  given: h.given,
                  session: identity.session(h.sessionId),
                  goal: h.goalId,
                  status: h.status,
                })),
              }
            : null,
        planVersions: view.versions.map((v) => ({
          version: v.version,
          createdAt: new Date(v.createdAt).toISOString(),
          createdBy: identity.person(v.createdBy),
          change: v.changeNote,
        })),
      };
    },
  };
}
