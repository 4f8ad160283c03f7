import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { riskFlags } from '../schema';
import { findingKey, type RiskFinding } from '../../notes/risk/merge-risk';
import type { DbOrTx } from './types';

export type RiskFlagRow = typeof riskFlags.$inferSelect;

export function addRiskFlag(
  db: DbOrTx,
  flag: { sessionId: string; runId: string | null; kind: string; evidence: unknown },
): string {
  const id = randomUUID();
  db.insert(riskFlags)
    .values({
      id,
      sessionId: flag.sessionId,
      runId: flag.runId,
      kind: flag.kind,
      evidenceJson: JSON.stringify(flag.evidence),
    })
    .run();
  return id;
}

export function getRiskFlag(db: DbOrTx, id: string): RiskFlagRow | undefined {
  return db.select().from(riskFlags).where(eq(riskFlags.id, id)).get();
}

export function riskFlagsOf(db: DbOrTx, sessionId: string): RiskFlagRow[] {
  return db.select().from(riskFlags).where(eq(riskFlags.sessionId, sessionId)).all();
}

export function unacknowledgedRiskFlags(db: DbOrTx, sessionId: string): RiskFlagRow[] {
  return db
    .select()
    .from(riskFlags)
    .where(and(eq(riskFlags.sessionId, sessionId), isNull(riskFlags.acknowledgedAt)))
    .all();
}

/** Returns false when the flag does not exist or was already acknowledged. */
export function acknowledgeRiskFlag(db: DbOrTx, id: string, by: string): boolean {
  return (
    db
      .update(riskFlags)
      .set({ acknowledgedAt: Date.now(), acknowledgedBy: by })
      .where(and(eq(riskFlags.id, id), isNull(riskFlags.acknowledgedAt)))
      .run().changes === 1
  );
}

/**
 * Stores risk findings without ever losing one: a finding already flagged at the same place
 * (category and first segment) gains the new sources and quotes and keeps its acknowledgement;
 * a new one is added. Nothing is deleted, so a later run that misses a risk cannot erase it.
 * Returns how many flags were added.
 */
export function recordRiskFindings(
  tx: DbOrTx,
  sessionId: string,
  runId: string | null,
  findings: readonly RiskFinding[],
): number {
  const existing = new Map(
    riskFlagsOf(tx, sessionId).map((row) => {
      const evidence = parseEvidence(row.evidenceJson);
      return [findingKey(row.kind, evidence.segmentIds[0]), { row, evidence }] as const;
    }),
  );
  let added = 0;
  for (const finding of findings) {
    const known = existing.get(findingKey(finding.category, finding.segmentIds[0]));
    if (!known) {
      addRiskFlag(tx, { sessionId, runId, kind: finding.category, evidence: finding });
      added += 1;
      continue;
    }
    const merged = {
      ...known.evidence,
      sources: [...new Set([...known.evidence.sources, ...finding.sources])],
      quotes: [...new Set([...known.evidence.quotes, ...finding.quotes])],
    };
    tx.update(riskFlags)
      .set({ evidenceJson: JSON.stringify(merged) })
      .where(eq(riskFlags.id, known.row.id))
      .run();
  }
  return added;
}

/** A flag's evidence, tolerant of rows written before findings carried every field. */
export function parseEvidence(
  json: string,
): Pick<RiskFinding, 'segmentIds' | 'quotes' | 'sources'> & Partial<RiskFinding> {
  const value = JSON.parse(json) as Partial<RiskFinding>;
  return {
    ...value,
    segmentIds: value.segmentIds ?? [],
    quotes: value.quotes ?? [],
    sources: value.sources ?? [],
  };
}
