import { randomUUID } from 'node:crypto';
import {
  BriefAbstract,
  BriefAnalysis,
  type ClientGuide,
} from '../../../../shared/api/brief-schemas';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import { byRules, type StageContext, type StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import { briefs } from '../../store/schema-workflows';
import { fleschKincaidGrade } from '../readability';
import { abstractAnalysis } from './abstraction';
import { analysisStage } from './analysis-stage';
import { buildClientGuide } from './client-guide';
import { loadClientHistory } from './history';
import { memosOf, saveMemoTranscripts, transcribeMemo, type MemoTranscript } from './memos';

const STEPS: Steps = [
  ['load_history'],
  ['analysis'],
  ['abstraction'],
  ['client_guide'],
  ['persist'],
];

/** Rules take well under a second a stage; a machine's own past runs replace this. */
const DEFAULT_STAGE_MS = 500;

const earlier = (context: StageContext, stage: 'analysis' | 'abstraction' | 'client_guide') =>
  context.outputOf(stage);

interface LoadHistoryOutput {
  sessions: number;
  notes: number;
  riskFlags: number;
  /** Voice memos read this time (each memo is transcribed once). */
  memos: MemoTranscript[];
}

const loadHistoryStage: StageDefinition<LoadHistoryOutput> = {
  name: 'load_history',
  onFailure: 'fail-run',
  execute: async (context) => {
    const history = loadClientHistory(context.db, context.sessionId);
    const sessions = new Set(history.notes.map((n) => n.sessionId)).size;
    const pending = memosOf(context.db, context.sessionId).filter((m) => m.transcript === null);
    const memos: MemoTranscript[] = [];
    for (const [index, memo] of pending.entries()) {
      context.progress((index / pending.length) * 100, 'load_history');
      memos.push(await transcribeMemo(context, memo));
    }
    return { sessions, notes: history.notes.length, riskFlags: history.riskFlags.length, memos };
  },
  commit: (tx, _context, output) => saveMemoTranscripts(tx, output.memos),
  // The memos' words stay in their own rows; the stage's summary keeps counts only.
  summary: (output) => ({
    ...output,
    memos: output.memos.map((m) => ({ ...m, transcript: null })),
  }),
};

const abstractionStage: StageDefinition<BriefAbstract> = {
  name: 'abstraction',
  onFailure: 'fail-run',
  execute: byRules((context) =>
    abstractAnalysis(BriefAnalysis.parse(earlier(context, 'analysis'))),
  ),
  summary: (output) => output,
};

const clientGuideStage: StageDefinition<ClientGuide> = {
  name: 'client_guide',
  onFailure: 'fail-run',
  // Only the abstract reaches the guide: the analysis is not even read here.
  execute: byRules((context) =>
    buildClientGuide(
      BriefAbstract.parse(earlier(context, 'abstraction')),
      // The guide always has words (its own headings), so it always has a grade.
      (text) => fleschKincaidGrade(text) ?? 0,
    ),
  ),
  summary: (output) => output,
};

const persistStage: StageDefinition<{ briefId: string }> = {
  name: 'persist',
  onFailure: 'fail-run',
  execute: () => Promise.resolve({ briefId: randomUUID() }),
  commit: (tx, context, output) => {
    const clientId = loadClientHistory(tx, context.sessionId).clientId;
    tx.insert(briefs)
      .values({
        id: output.briefId,
        sessionId: context.sessionId,
        clientId,
        runId: context.runId,
        analysisJson: JSON.stringify(earlier(context, 'analysis')),
        abstractJson: JSON.stringify(earlier(context, 'abstraction')),
        guideJson: JSON.stringify(earlier(context, 'client_guide')),
      })
      .onConflictDoNothing()
      .run();
    recordAudit(tx, {
      actor: context.actor,
      action: 'brief.created',
      entityType: 'session',
      entityId: context.sessionId,
      detail: { brief: output.briefId, run: context.runId },
    });
  },
  summary: (output) => output,
};

/** `cairn brief`: a client's signed history read into a brief for their upcoming session. */
export const PRE_SESSION_RUN: RunTypeDefinition = {
  type: 'pre_session',
  steps: STEPS,
  stages: {
    load_history: loadHistoryStage,
    analysis: analysisStage,
    abstraction: abstractionStage,
    client_guide: clientGuideStage,
    persist: persistStage,
  },
  usesWorkDir: false,
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'pre_session');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
