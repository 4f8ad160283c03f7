import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { riskFlags } from '../schema';
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
