import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { PlanChange, type PlanDecision } from '../../../../shared/api/plan-schemas';
import { ValidationError } from '../../errors';
import { recordAudit } from '../../store/repositories/audit';
import { currentPlan, proposalsWhere } from '../../store/repositories/plans';
import type { Tx } from '../../store/repositories/types';
import { goalProgress, planProposals, treatmentPlans } from '../../store/schema-plans';
import { applyChanges, changeNote, checkEdit, type AcceptedChange } from './apply';

/**
 * The clinician's decisions on proposals, in one transaction: accepted ones (as proposed or as
 * edited) make one new plan version; rejected ones are recorded. The only way a plan changes.
 */
export function decideProposals(
  tx: Tx,
  input: { clientId: string; decisions: readonly PlanDecision[]; actor: string },
): { version: number | null; accepted: number; rejected: number } {
  const ids = input.decisions.map((d) => d.proposalId);
  if (new Set(ids).size !== ids.length)
    throw new ValidationError('plan_decision_repeated', 'A proposal is decided twice in one go.');
  const found = new Map(proposalsWhere(tx, input.clientId, ids).map((p) => [p.id, p]));
  const accepted: (AcceptedChange & { edited: boolean })[] = [];
  const rejected: string[] = [];
  for (const decision of input.decisions) {
    const proposal = found.get(decision.proposalId);
    if (!proposal)
      throw new ValidationError(
        'plan_proposal_not_found',
        `There is no proposal ${decision.proposalId} for this client.`,
      );
    if (proposal.status !== 'proposed')
      throw new ValidationError(
        'plan_proposal_decided',
        `The proposal ${proposal.id} was already ${proposal.status}; a decided proposal cannot be decided again.`,
      );
    if (decision.decision === 'reject') {
      if (decision.change)
        throw new ValidationError('plan_reject_with_edit', 'A rejected proposal takes no edit.');
      rejected.push(proposal.id);
      continue;
    }
    const change = decision.change ? PlanChange.parse(decision.change) : proposal.change;
    if (decision.change) checkEdit(proposal.change, change);
    accepted.push({
      proposalId: proposal.id,
      sessionId: proposal.sessionId,
      date: proposal.sessionDate,
      change,
      edited: decision.change !== undefined,
    });
  }
  const now = Date.now();
  const before = currentPlan(tx, input.clientId);
  let version: number | null = null;
  if (accepted.length > 0) {
    const { content, moves } = applyChanges(before.content, accepted);
    version = (before.version ?? 0) + 1;
    tx.insert(treatmentPlans)
      .values({
        id: randomUUID(),
        clientId: input.clientId,
        version,
        contentJson: JSON.stringify(content),
        createdBy: input.actor,
        changeNote: changeNote(accepted, rejected.length),
      })
      .run();
    for (const item of accepted)
      tx.update(planProposals)
        .set({
          status: 'accepted',
          edited: item.edited,
          decidedAt: now,
          decidedBy: input.actor,
          planVersion: version,
          ...(item.edited
            ? {
                changeJson: JSON.stringify({
                  change: item.change,
                  summary: found.get(item.proposalId)?.summary,
                }),
              }
            : {}),
        })
        .where(eq(planProposals.id, item.proposalId))
        .run();
    for (const move of moves)
      tx.insert(goalProgress)
        .values({
          id: randomUUID(),
          clientId: input.clientId,
          goalId: move.goalId,
          sessionId: move.sessionId,
          sessionDate: move.date,
          status: move.status,
          evidenceJson: JSON.stringify(found.get(move.proposalId)?.evidence ?? []),
          proposalId: move.proposalId,
          planVersion: version,
        })
        .run();
  }
  if (rejected.length > 0)
    tx.update(planProposals)
      .set({ status: 'rejected', decidedAt: now, decidedBy: input.actor })
      .where(inArray(planProposals.id, rejected))
      .run();
  recordAudit(tx, {
    actor: input.actor,
    action: 'plan.decided',
    entityType: 'client',
    entityId: input.clientId,
    detail: {
      version,
      // Ids only, joined: the audit detail holds flat values.
      accepted: accepted.map((a) => a.proposalId).join(','),
      edited: accepted
        .filter((a) => a.edited)
        .map((a) => a.proposalId)
        .join(','),
      rejected: rejected.join(','),
    },
  });
  return { version, accepted: accepted.length, rejected: rejected.length };
}
