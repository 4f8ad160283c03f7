import { z } from 'zod';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import { byRules, type StageContext, type StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { currentPlan, goalsDecidedAt, storeProposals } from '../../store/repositories/plans';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import { loadClientHistory } from '../brief/history';
import { extractSession, ratingIn, signedNoteOf, SessionExtract, type Rating } from './extract';
import { LoadedPlan, ProposedChange, proposeChanges } from './propose';
import { proposeGoalsWithModel } from './model-goals';
import { workflowNotesModel } from '../notes-model';
import { CairnError, CancelledError } from '../../errors';

const STEPS: Steps = [['extract'], ['load_plan'], ['propose'], ['persist']];

/** Rules take well under a second a stage; a machine's own past runs replace this. */
const DEFAULT_STAGE_MS = 500;

const Proposals = z.object({
  proposals: z.array(ProposedChange),
  mode: z.enum(['rules', 'model']),
  /** The notes model that proposed goals, and why it proposed none when it did not. */
  model: z.string().nullable().default(null),
  modelNote: z.string().default(''),
});
type Proposals = z.infer<typeof Proposals>;

const extracted = (context: StageContext) => SessionExtract.parse(context.outputOf('extract'));

const extractStage: StageDefinition<SessionExtract> = {
  name: 'extract',
  onFailure: 'fail-run',
  execute: byRules((context) =>
    extractSession(context.db, context.sessionId, context.resourcesDir),
  ),
  summary: (output) => output,
};

const loadPlanStage: StageDefinition<LoadedPlan> = {
  name: 'load_plan',
  onFailure: 'fail-run',
  execute: byRules((context) => {
    const { clientId } = extracted(context);
    const plan = currentPlan(context.db, clientId);
    // The history the brief reads: signed notes of the sessions before this one.
    const earlierRatings: Rating[] = loadClientHistory(context.db, context.sessionId).notes.flatMap(
      (note) =>
        note.content.sections.flatMap((section) =>
          section.items.flatMap((item, index) => {
            const found = ratingIn(item.text);
            if (!found) return [];
            const citation = {
              sessionId: note.sessionId,
              date: note.date,
              noteId: note.noteId,
              sectionKey: section.key,
              sectionTitle: section.title,
              item: index,
              text: item.text.trim(),
            };
            return [{ ...found, citation }];
          }),
        ),
    );
    return {
      version: plan.version,
      content: plan.content,
      earlierRatings,
      decidedHere: goalsDecidedAt(context.db, clientId, context.sessionId),
    };
  }),
  summary: (output) => output,
};

/**
 * Proposals by rules (the floor); when the note states no goal and the plan has none open, a
 * notes model, if one is set up, may read goals in the session's own words (model-goals.ts).
 * A missing, unreachable or unhelpful model leaves the rules' proposals, with the reason.
 */
const proposeStage: StageDefinition<Proposals> = {
  name: 'propose',
  onFailure: 'fail-run',
  // Ids are made here and kept in the stage's summary, so a resumed persist stores the same ones.
  execute: async (context) => {
    const extract = extracted(context);
    const plan = LoadedPlan.parse(context.outputOf('load_plan'));
    const rules = proposeChanges(extract, plan);
    const floor = { proposals: rules, mode: 'rules' as const, model: null, modelNote: '' };
    const openGoals = plan.content.goals.filter((g) => g.status !== 'achieved');
    if (extract.goals.length > 0 || openGoals.length > 0) return floor;
    const chosen = workflowNotesModel(context);
    if ('note' in chosen) return { ...floor, modelNote: chosen.note };
    try {
      const written = await proposeGoalsWithModel(
        chosen.provider,
        extract,
        plan.content.goals.map((g) => g.statement),
        {
          signal: context.signal,
          onProgress: (generated, max) => context.progress((100 * generated) / max, 'propose'),
        },
      );
      if (written.proposals.length === 0)
        return {
          ...floor,
          modelNote: `The notes model (${chosen.provider.model}) proposed no goal: ${written.problems.join('; ') || 'nothing usable'}.`,
        };
      return {
        proposals: [...written.proposals, ...rules],
        mode: 'model' as const,
        model: chosen.provider.model,
        modelNote: '',
      };
    } catch (error) {
      if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
      const reason = error instanceof CairnError ? error.userMessage : String(error);
      return { ...floor, modelNote: `The notes model could not be used: ${reason}` };
    } finally {
      await chosen.provider.close();
    }
  },
  summary: (output) => output,
};

const persistStage: StageDefinition<{ proposals: number }> = {
  name: 'persist',
  onFailure: 'fail-run',
  execute: (context) =>
    Promise.resolve({ proposals: Proposals.parse(context.outputOf('propose')).proposals.length }),
  // Proposals only: the plan itself changes when the clinician decides (plans.decide).
  commit: (tx, context) => {
    const { clientId } = extracted(context);
    const { proposals, mode } = Proposals.parse(context.outputOf('propose'));
    storeProposals(tx, {
      clientId,
      sessionId: context.sessionId,
      runId: context.runId,
      // Each proposal is the rules' unless it says otherwise (a notes model's goal does).
      mode: 'rules',
      proposals,
    });
    recordAudit(tx, {
      actor: context.actor,
      action: 'plan.proposed',
      entityType: 'session',
      entityId: context.sessionId,
      detail: { run: context.runId, client: clientId, proposals: proposals.length, mode },
    });
  },
  summary: (output) => output,
};

/** `cairn plan <session>`: a signed session read into proposed updates of the client's plan. */
export const POST_SESSION_RUN: RunTypeDefinition = {
  type: 'post_session',
  steps: STEPS,
  stages: {
    extract: extractStage,
    load_plan: loadPlanStage,
    propose: proposeStage,
    persist: persistStage,
  },
  usesWorkDir: false,
  // A note unsigned (or reopened) since the run was queued: fail before any stage, with why.
  precheck: ({ db, run }) =>
    new Promise((resolve) => {
      signedNoteOf(db, run.sessionId);
      resolve();
    }),
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'post_session');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
