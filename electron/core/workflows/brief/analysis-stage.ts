import type { BriefAnalysis } from '../../../../shared/api/brief-schemas';
import { CairnError, CancelledError } from '../../errors';
import type { StageDefinition } from '../../pipeline/stage-definition';
import { workflowNotesModel } from '../notes-model';
import { analyseHistory } from './analysis';
import { loadClientHistory } from './history';
import { memosOf } from './memos';
import { planGoalsFor } from './plan-goals';
import { summariseWithModel } from './model-summary';

/** The rules' part is near instant; the model's share of the stage's progress is the rest. */
const RULES_SHARE = 10;

/**
 * The brief's analysis: the rules' reading of the signed notes (the floor, always there), then,
 * when a notes model is set up, its few sentences on where things stand, each citing signed
 * statements. A model that is missing, unreachable or writes nothing usable leaves the rules'
 * brief, labelled as such with the reason: a brief is never lost to the model.
 */
export const analysisStage: StageDefinition<BriefAnalysis> = {
  name: 'analysis',
  onFailure: 'fail-run',
  // The history is read again here rather than carried: it is the signed notes, already stored.
  execute: async (context) => {
    const history = loadClientHistory(context.db, context.sessionId);
    const memos = memosOf(context.db, context.sessionId).map((m) => ({
      memoId: m.id,
      addedAt: m.createdAt,
      durationSec: m.durationSec,
      text: m.transcript,
      problem: m.problem,
    }));
    const analysed = analyseHistory(history);
    const plan = planGoalsFor(context.db, history.clientId, history.upcoming.date);
    // A goal still open is a question for the session: how is it going, by its own measure.
    const goalQuestions = plan.planGoals
      .filter((g) => g.status !== 'achieved')
      .map((g) => ({
        text: `How is the goal going: ${g.statement} (${g.measure})`,
        citations: g.citations,
      }));
    const rules = {
      ...analysed,
      questions: [...analysed.questions, ...goalQuestions],
      memos,
      ...plan,
    };
    context.progress(RULES_SHARE, 'analysis');
    if (history.notes.length === 0) return rules;
    const chosen = workflowNotesModel(context);
    if ('note' in chosen) return { ...rules, modelNote: chosen.note };
    try {
      const written = await summariseWithModel(chosen.provider, history, {
        signal: context.signal,
        onProgress: (generated, max) =>
          context.progress(
            RULES_SHARE + (100 - RULES_SHARE) * Math.min(1, generated / max),
            'analysis',
          ),
      });
      const note =
        written.points.length === 0
          ? `The notes model (${written.model}) wrote nothing usable: ${[...new Set(written.problems)].join('; ')}.`
          : '';
      return written.points.length > 0
        ? {
            ...rules,
            summary: written.points,
            mode: 'model',
            model: written.model,
            modelNote: note,
          }
        : { ...rules, modelNote: note };
    } catch (error) {
      if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
      const reason = error instanceof CairnError ? error.userMessage : String(error);
      return { ...rules, modelNote: `The notes model could not be used: ${reason}` };
    } finally {
      await chosen.provider.close();
    }
  },
  summary: (output) => output,
};
