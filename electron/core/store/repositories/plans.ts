import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
  PlanCitation,
  PlanContent,
  PlanProposal,
  type PlanView,
} from '../../../../shared/api/plan-schemas';
import type { ProposedChange } from '../../workflows/plan/propose';
import { sessions } from '../schema';
import { goalProgress, planProposals, treatmentPlans } from '../schema-plans';
import type { DbOrTx, Tx } from './types';

export const EMPTY_PLAN: PlanContent = { goals: [], interventions: [], homework: [] };

/** The client's current plan version, or version null and an empty plan before the first. */
export function currentPlan(db: DbOrTx, clientId: string) {
  const row = db
    .select()
    .from(treatmentPlans)
    .where(eq(treatmentPlans.clientId, clientId))
    .orderBy(desc(treatmentPlans.version))
    .limit(1)
    .get();
  if (!row) return { version: null, content: EMPTY_PLAN, row: null };
  return {
    version: row.version,
    content: PlanContent.parse(JSON.parse(row.contentJson)),
    row,
  };
}

/** Goals whose status the clinician already decided at this session. */
export function goalsDecidedAt(db: DbOrTx, clientId: string, sessionId: string): string[] {
  return db
    .select({ goalId: goalProgress.goalId })
    .from(goalProgress)
    .where(and(eq(goalProgress.clientId, clientId), eq(goalProgress.sessionId, sessionId)))
    .all()
    .map((r) => r.goalId);
}

/**
 * A run's proposals, replacing the session's earlier undecided ones (asking again is asking
 * afresh); decided ones stay, they are the record of what the clinician chose.
 */
export function storeProposals(
  tx: Tx,
  input: {
    clientId: string;
    sessionId: string;
    runId: string;
    mode: 'rules' | 'model';
    proposals: readonly ProposedChange[];
  },
): void {
  tx.delete(planProposals)
    .where(and(eq(planProposals.sessionId, input.sessionId), eq(planProposals.status, 'proposed')))
    .run();
  input.proposals.forEach((p, position) =>
    tx
      .insert(planProposals)
      .values({
        id: p.id,
        clientId: input.clientId,
        sessionId: input.sessionId,
        runId: input.runId,
        kind: p.change.kind,
        changeJson: JSON.stringify({ change: p.change, summary: p.summary }),
        evidenceJson: JSON.stringify(p.evidence),
        mode: p.mode ?? input.mode,
        position,
      })
      .onConflictDoNothing()
      .run(),
  );
}

/** Proposals of the client: the given ones, or every undecided one. */
export function proposalsWhere(
  db: DbOrTx,
  clientId: string,
  ids?: readonly string[],
): PlanProposal[] {
  return db
    .select({ p: planProposals, date: sessions.date })
    .from(planProposals)
    .innerJoin(sessions, eq(sessions.id, planProposals.sessionId))
    .where(
      and(
        eq(planProposals.clientId, clientId),
        ids ? inArray(planProposals.id, [...ids]) : eq(planProposals.status, 'proposed'),
      ),
    )
    .orderBy(asc(sessions.date), asc(planProposals.createdAt), asc(planProposals.position))
    .all()
    .map(({ p, date }) => {
      const stored = JSON.parse(p.changeJson) as { change: unknown; summary: string };
      return PlanProposal.parse({
        id: p.id,
        clientId: p.clientId,
        sessionId: p.sessionId,
        sessionDate: date,
        runId: p.runId,
        kind: p.kind,
        change: stored.change,
        summary: stored.summary,
        evidence: JSON.parse(p.evidenceJson) as unknown,
        mode: p.mode,
        status: p.status,
        edited: p.edited,
        decidedAt: p.decidedAt,
        decidedBy: p.decidedBy,
        planVersion: p.planVersion,
        createdAt: p.createdAt,
      });
    });
}

/** What the plan tab and `cairn plan show` read: the plan, its versions, proposals, timelines. */
export function planView(db: DbOrTx, clientId: string): PlanView {
  const { row, content } = currentPlan(db, clientId);
  const versions = db
    .select()
    .from(treatmentPlans)
    .where(eq(treatmentPlans.clientId, clientId))
    .orderBy(desc(treatmentPlans.version))
    .all()
    .map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
      changeNote: v.changeNote,
    }));
  const progress = db
    .select()
    .from(goalProgress)
    .where(eq(goalProgress.clientId, clientId))
    .orderBy(asc(goalProgress.sessionDate), asc(goalProgress.createdAt))
    .all();
  return {
    clientId,
    current: row ? { ...versionOf(row), content } : null,
    versions,
    pending: proposalsWhere(db, clientId),
    timelines: content.goals.map((goal) => ({
      goalId: goal.id,
      entries: progress
        .filter((p) => p.goalId === goal.id)
        .map((p) => ({
          sessionId: p.sessionId,
          date: p.sessionDate,
          status: p.status,
          evidence: PlanCitation.array().parse(JSON.parse(p.evidenceJson)),
          planVersion: p.planVersion,
        })),
    })),
  };
}

function versionOf(row: typeof treatmentPlans.$inferSelect) {
  return {
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    changeNote: row.changeNote,
  };
}
