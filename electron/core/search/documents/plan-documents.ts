import { PlanContent } from '../../../../shared/api/plan-schemas';
import type { SqliteConnection } from '../../store/sqlite-driver';
import {
  passage,
  readJson,
  selfGrouped,
  type OwnerDocuments,
  type SearchDocument,
} from './search-document';

/** A client's current treatment plan: each goal (with its SMART parts), intervention, homework. */
export function planDocuments(connection: SqliteConnection, clientId: string): OwnerDocuments {
  const owner = `p:${clientId}`;
  const row = connection
    .prepare(
      `SELECT id, content_json AS contentJson, created_at AS createdAt FROM treatment_plans
        WHERE client_id = ? ORDER BY version DESC LIMIT 1`,
    )
    .get(clientId) as { id: string; contentJson: string; createdAt: number } | undefined;
  if (!row) return selfGrouped([]);
  const parsed = PlanContent.safeParse(readJson(row.contentJson));
  if (!parsed.success) return selfGrouped([]);
  const plan = parsed.data;
  const base = { owner, source: 'plan' as const, clientId, planId: row.id };
  const documents: SearchDocument[] = [];
  const add = (key: string, sectionKey: string, label: string, text: string, day: string) =>
    documents.push(passage({ ...base, key, sectionKey, label, text, day }, documents.length));
  for (const goal of plan.goals) {
    const smart = Object.values(goal.smart).join(' ');
    const status = goal.status.replaceAll('_', ' ');
    add(
      `p:${row.id}:goal:${goal.id}`,
      'goals',
      `Goal (${status})`,
      `${goal.statement}. ${smart} ${goal.measure}`,
      goal.updatedOn,
    );
  }
  for (const intervention of plan.interventions) {
    add(
      `p:${row.id}:intervention:${intervention.id}`,
      'interventions',
      'Intervention',
      `${intervention.frameworkName}: ${intervention.techniqueName}`,
      intervention.since,
    );
  }
  for (const homework of plan.homework) {
    add(
      `p:${row.id}:homework:${homework.id}`,
      'homework',
      'Homework',
      homework.text,
      homework.given,
    );
  }
  return selfGrouped(documents);
}
