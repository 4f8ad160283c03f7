import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ParticipantGeneration } from '../../../../shared/api/group-schemas';
import { NoteContent, type NoteSection } from '../../../../shared/api/note-schemas';
import { CairnError, CancelledError, PermanentError } from '../../errors';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import type { StageContext, StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { fileParticipantSummary } from '../../store/repositories/group-summaries';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import { workflowNotesModel } from '../notes-model';
import { summariseParticipantWithModel } from './participant-model';
import { isolateParticipant } from './participant-isolation';
import { extractiveSummary } from './participant-template';
import { groupTurns, participantIds, type GroupTurns } from './participant-turns';

const STEPS: Steps = [['load_participants'], ['summarize'], ['isolation_check'], ['persist']];
/** Rules take well under a second a stage; a machine's own past runs replace this. */
const DEFAULT_STAGE_MS = 500;

const Participants = z.object({
  participants: z.array(z.object({ clientId: z.string(), speakerId: z.string() })),
});
const Written = z.object({
  summaries: z.array(
    z.object({
      clientId: z.string(),
      mode: z.enum(['model', 'extractive']),
      model: z.string(),
      reason: z.string(),
      content: NoteContent,
    }),
  ),
});
type Written = z.infer<typeof Written>;
const Checked = z.object({
  summaries: z.array(
    z.object({
      id: z.string(),
      clientId: z.string(),
      generation: ParticipantGeneration,
      content: NoteContent,
    }),
  ),
});
type Checked = z.infer<typeof Checked>;

const participantsOf = (context: StageContext) =>
  Participants.parse(context.outputOf('load_participants')).participants;

/** The turns are read from the store again by each stage that needs them, never carried. */
const turnsOf = (context: StageContext): GroupTurns =>
  groupTurns(context.db, context.sessionId, participantsOf(context));

const loadParticipantsStage: StageDefinition<z.infer<typeof Participants>> = {
  name: 'load_participants',
  onFailure: 'fail-run',
  execute: (context) =>
    new Promise((resolve) => {
      resolve({ participants: participantIds(context.db, context.sessionId) });
    }),
  summary: (output) => output,
};

/**
 * The model's statements first in their section, then the rules' sentences of it that cite other
 * lines (each keeps its origin, so the clinician sees which is which); other sections are the rules'.
 */
function withModelSection(floor: NoteContent, section: NoteSection): NoteContent {
  const cited = new Set(section.items.flatMap((i) => i.segmentIds));
  return {
    ...floor,
    sections: floor.sections.map((s) =>
      s.key === section.key
        ? {
            ...s,
            items: [
              ...section.items,
              ...s.items.filter((i) => !i.segmentIds.some((id) => cited.has(id))),
            ],
          }
        : s,
    ),
  };
}

const EXTRACTIVE_REASON_SILENT = 'They said nothing the model could summarise.';

const summarizeStage: StageDefinition<Written> = {
  name: 'summarize',
  onFailure: 'fail-run',
  execute: async (context) => {
    const turns = turnsOf(context);
    const count = turns.participants.length;
    const chosen = workflowNotesModel(context);
    const summaries: Written['summaries'] = [];
    try {
      for (const [i, participant] of turns.participants.entries()) {
        const floor = (reason: string) => ({
          clientId: participant.clientId,
          mode: 'extractive' as const,
          model: '',
          reason,
          content: extractiveSummary(participant.segments),
        });
        if ('note' in chosen) {
          summaries.push(floor(chosen.note));
          continue;
        }
        const written = await summariseParticipantWithModel(
          chosen.provider,
          participant.segments,
          turns.context,
          {
            signal: context.signal,
            onProgress: (generated, max) =>
              context.progress((100 * (i + Math.min(1, generated / max))) / count),
          },
        );
        summaries.push(
          written.section
            ? {
                clientId: participant.clientId,
                mode: 'model',
                model: chosen.provider.model,
                reason: '',
                content: withModelSection(extractiveSummary(participant.segments), written.section),
              }
            : floor(
                participant.segments.length === 0
                  ? EXTRACTIVE_REASON_SILENT
                  : `The notes model (${chosen.provider.model}) wrote nothing usable: ${written.problems.join('; ')}.`,
              ),
        );
      }
    } catch (error) {
      if (context.signal.aborted || error instanceof CancelledError) throw new CancelledError();
      if (!(error instanceof CairnError)) throw error;
      // A model that fails midway leaves the rules' summaries for everyone it had not written.
      for (const participant of turns.participants.slice(summaries.length))
        summaries.push({
          clientId: participant.clientId,
          mode: 'extractive',
          model: '',
          reason: `The notes model could not be used: ${error.userMessage}`,
          content: extractiveSummary(participant.segments),
        });
    } finally {
      if (!('note' in chosen)) await chosen.provider.close();
    }
    return { summaries };
  },
  summary: (output) => output,
};

function noticeOf(dropped: number, fellBack: boolean): string {
  if (dropped === 0) return '';
  const what =
    dropped === 1
      ? 'One statement was left out because it cited or repeated another participant’s words.'
      : `${dropped} statements were left out because they cited or repeated another participant’s words.`;
  return fellBack ? `${what} Cairn's rules wrote this summary from their own turns instead.` : what;
}

const isolationStage: StageDefinition<Checked> = {
  name: 'isolation_check',
  onFailure: 'fail-run',
  execute: (context) =>
    new Promise((resolve) => {
      const turns = turnsOf(context);
      const written = Written.parse(context.outputOf('summarize')).summaries;
      const summaries = turns.participants.map((participant) => {
        const draft = written.find((w) => w.clientId === participant.clientId);
        if (!draft)
          throw new PermanentError(
            'group_summary_missing',
            'A participant’s summary went missing; run it again.',
          );
        const others = [
          ...turns.participants
            .filter((p) => p.clientId !== participant.clientId)
            .flatMap((p) => p.segments),
          ...turns.unmapped,
        ];
        let outcome = isolateParticipant(
          draft.content,
          participant.segments,
          turns.context,
          others,
        );
        const emptied = outcome.dropped > 0 && outcome.checked === outcome.dropped;
        let generation = { mode: draft.mode, model: draft.model, reason: draft.reason };
        if (emptied) {
          // Nothing of the model's was left: the rules' summary of their own turns stands in.
          const floor = isolateParticipant(
            extractiveSummary(participant.segments),
            participant.segments,
            turns.context,
            others,
          );
          outcome = {
            ...floor,
            checked: outcome.checked + floor.checked,
            dropped: outcome.dropped + floor.dropped,
          };
          generation = {
            mode: 'extractive',
            model: '',
            reason: 'Everything the model wrote was left out by the isolation check.',
          };
        }
        return {
          id: randomUUID(),
          clientId: participant.clientId,
          generation: {
            ...generation,
            checked: outcome.checked,
            dropped: outcome.dropped,
            notice: noticeOf(outcome.dropped, emptied),
          },
          content: outcome.content,
        };
      });
      recordAudit(context.db, {
        actor: context.actor,
        action: 'group.isolation_checked',
        entityType: 'session',
        entityId: context.sessionId,
        // Ids and counts only: what a dropped statement said is nobody's to log.
        detail: {
          run: context.runId,
          clients: summaries.map((s) => s.clientId).join(','),
          checked: summaries.map((s) => s.generation.checked).join(','),
          dropped: summaries.map((s) => s.generation.dropped).join(','),
        },
      });
      if (summaries.every((s) => s.content.sections.every((section) => section.items.length === 0)))
        throw new PermanentError(
          'group_nothing_to_summarise',
          'No participant’s summary has anything in it: the mapped speakers said nothing Cairn could summarise. Check the speaker mapping.',
        );
      resolve({ summaries });
    }),
  summary: (output) => output,
};

const persistStage: StageDefinition<{ participants: number }> = {
  name: 'persist',
  onFailure: 'fail-run',
  execute: (context) => Promise.resolve({ participants: participantsOf(context).length }),
  commit: (tx, context) => {
    const { summaries } = Checked.parse(context.outputOf('isolation_check'));
    let filed = 0;
    // An approved summary is signed: a new run leaves it as it is (fileParticipantSummary says).
    for (const summary of summaries)
      if (
        fileParticipantSummary(tx, {
          ...summary,
          sessionId: context.sessionId,
          runId: context.runId,
        })
      )
        filed += 1;
    recordAudit(tx, {
      actor: context.actor,
      action: 'group.summaries_written',
      entityType: 'session',
      entityId: context.sessionId,
      detail: {
        run: context.runId,
        clients: summaries.map((s) => s.clientId).join(','),
        filed,
        modes: summaries.map((s) => s.generation.mode).join(','),
      },
    });
  },
  summary: (output) => output,
};

/** `cairn group summarize`: one checked summary per participant of a group or family session. */
export const GROUP_SUMMARIES_RUN: RunTypeDefinition = {
  type: 'group_summaries',
  steps: STEPS,
  stages: {
    load_participants: loadParticipantsStage,
    summarize: summarizeStage,
    isolation_check: isolationStage,
    persist: persistStage,
  },
  usesWorkDir: false,
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'group_summaries');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
