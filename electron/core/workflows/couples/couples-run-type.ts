import { randomUUID } from 'node:crypto';
import {
  CouplesMatch,
  IsolationResult,
  JointSummary,
  PartnerAbstract,
} from '../../../../shared/api/couples-schemas';
import { z } from 'zod';
import { loadFrameworks } from '../../frameworks/library';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import { byRules, type StageContext, type StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { linkOfJointSession } from '../../store/repositories/couples';
import { pastWorkflowStageMs, resetStages } from '../../store/repositories/runs';
import { getSessionRow } from '../../store/repositories/sessions';
import { couplesSummaries } from '../../store/schema-couples';
import { allowedText, checkIsolation, IsolationError } from './isolation';
import { buildJointSummary } from './joint-summary';
import { matchPartners } from './match';
import { abstractPartner, partnerMaterial } from './partners';

const STEPS: Steps = [
  ['load_partners'],
  ['match'],
  ['joint_summary'],
  ['isolation_check'],
  ['persist'],
];

/** Rules take well under a second a stage; a machine's own past runs replace this. */
const DEFAULT_STAGE_MS = 500;

/** What load_partners commits: ids and vocabulary ids only, never a partner's words. */
const Partners = z.object({
  linkId: z.string(),
  clientIds: z.tuple([z.string(), z.string()]),
  partners: z.tuple([PartnerAbstract, PartnerAbstract]),
});
type Partners = z.infer<typeof Partners>;

const partnersOf = (context: StageContext) => Partners.parse(context.outputOf('load_partners'));
const matchOf = (context: StageContext) => CouplesMatch.parse(context.outputOf('match'));
const summaryOf = (context: StageContext) => JointSummary.parse(context.outputOf('joint_summary'));

const loadPartnersStage: StageDefinition<Partners> = {
  name: 'load_partners',
  onFailure: 'fail-run',
  // Each partner's notes are read and reduced to an abstract in one go: only ids come out.
  execute: byRules((context) => {
    const link = linkOfJointSession(context.db, context.sessionId);
    const date = getSessionRow(context.db, context.sessionId)?.date ?? '';
    const a = abstractPartner(context.db, link.clientAId, date);
    context.progress(50);
    const b = abstractPartner(context.db, link.clientBId, date);
    return { linkId: link.id, clientIds: [link.clientAId, link.clientBId], partners: [a, b] };
  }),
  summary: (output) => output,
};

const matchStage: StageDefinition<CouplesMatch> = {
  name: 'match',
  onFailure: 'fail-run',
  execute: byRules((context) => {
    const [a, b] = partnersOf(context).partners;
    return matchPartners(a, b);
  }),
  summary: (output) => output,
};

const jointSummaryStage: StageDefinition<JointSummary> = {
  name: 'joint_summary',
  onFailure: 'fail-run',
  execute: byRules((context) =>
    buildJointSummary(matchOf(context), loadFrameworks(context.resourcesDir)),
  ),
  summary: (output) => output,
};

const isolationStage: StageDefinition<IsolationResult> = {
  name: 'isolation_check',
  onFailure: 'fail-run',
  execute: byRules((context) => {
    const { clientIds } = partnersOf(context);
    // Both partners' own material, read again here and dropped when the stage ends.
    const material = clientIds.map((id) => partnerMaterial(context.db, id));
    const result = checkIsolation(
      { match: matchOf(context), summary: summaryOf(context) },
      material,
      allowedText(loadFrameworks(context.resourcesDir)),
    );
    if (!result.passed) {
      recordAudit(context.db, {
        actor: context.actor,
        action: 'couples.isolation_failed',
        entityType: 'session',
        entityId: context.sessionId,
        detail: { run: context.runId, clientA: clientIds[0], clientB: clientIds[1], ...result },
      });
      // What failed the check is not kept either: the stages that made it are undone (and run
      // again on a retry), so a leaked phrase does not stay in the run's stage rows.
      resetStages(context.db, context.runId, ['match', 'joint_summary']);
      throw new IsolationError(result);
    }
    return result;
  }),
  summary: (output) => output,
};

const persistStage: StageDefinition<{ summaryId: string }> = {
  name: 'persist',
  onFailure: 'fail-run',
  execute: () => Promise.resolve({ summaryId: randomUUID() }),
  commit: (tx, context, output) => {
    const { linkId, clientIds } = partnersOf(context);
    const isolation = IsolationResult.parse(context.outputOf('isolation_check'));
    // Never kept unless the check passed (it fails the run otherwise; this guards a resumed run).
    if (!isolation.passed) throw new IsolationError(isolation);
    tx.insert(couplesSummaries)
      .values({
        id: output.summaryId,
        linkId,
        clientAId: clientIds[0],
        clientBId: clientIds[1],
        sessionId: context.sessionId,
        runId: context.runId,
        summaryJson: JSON.stringify(summaryOf(context)),
        isolationJson: JSON.stringify(isolation),
      })
      .onConflictDoNothing()
      .run();
    recordAudit(tx, {
      actor: context.actor,
      action: 'couples.merged',
      entityType: 'session',
      entityId: context.sessionId,
      detail: {
        summary: output.summaryId,
        run: context.runId,
        link: linkId,
        clientA: clientIds[0],
        clientB: clientIds[1],
        isolationPassed: isolation.passed,
        isolationChecked: isolation.checked,
        isolationFound: isolation.notAllowed + isolation.identifiers + isolation.partnerPhrases,
      },
    });
  },
  summary: (output) => output,
};

/** `cairn couples merge`: two partners' abstracts matched into a checked joint-work summary. */
export const COUPLES_MERGE_RUN: RunTypeDefinition = {
  type: 'couples_merge',
  steps: STEPS,
  stages: {
    load_partners: loadPartnersStage,
    match: matchStage,
    joint_summary: jointSummaryStage,
    isolation_check: isolationStage,
    persist: persistStage,
  },
  usesWorkDir: false,
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'couples_merge');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
