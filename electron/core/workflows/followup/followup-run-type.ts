import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FollowUpWarning } from '../../../../shared/api/followup-schemas';
import { evenWeights, StepEstimator, type Steps } from '../../pipeline/progress';
import type { RunTypeDefinition } from '../../pipeline/run-types';
import type { StageContext, StageDefinition } from '../../pipeline/stage-definition';
import { recordAudit } from '../../store/repositories/audit';
import { insertFollowUp } from '../../store/repositories/follow-ups';
import { pastWorkflowStageMs } from '../../store/repositories/runs';
import {
  requireEmailTemplate,
  syncBuiltInTypedTemplates,
} from '../../store/repositories/typed-templates';
import { withWorkflowNotesModel } from '../notes-model';
import { signedNoteOf } from '../plan/extract';
import { clinicalDetailWarnings } from './clinical-check';
import { FollowUpValues, gatherFollowUpValues } from './gather';
import { draftBodyWithModel } from './model-draft';
import { fillVariables } from './template-variables';

const STEPS: Steps = [['gather'], ['draft'], ['check'], ['persist']];
const DEFAULT_STAGE_MS = 300;
/** The built-in email template a follow-up uses when none is chosen. */
export const DEFAULT_FOLLOW_UP_TEMPLATE = 'follow-up-homework';

const Gathered = FollowUpValues.extend({
  templateId: z.string(),
  templateVersion: z.number().int(),
  /** The template's own text before filling: what it asked for (for the check). */
  asked: z.string(),
  subject: z.string(),
  body: z.string(),
});
type Gathered = z.infer<typeof Gathered>;

const Drafted = z.object({
  subject: z.string(),
  body: z.string(),
  mode: z.enum(['template', 'model']),
  modeNote: z.string(),
});
type Drafted = z.infer<typeof Drafted>;

const Checked = z.object({ warnings: z.array(FollowUpWarning) });
type Checked = z.infer<typeof Checked>;

const gathered = (context: StageContext) => Gathered.parse(context.outputOf('gather'));
const drafted = (context: StageContext) => Drafted.parse(context.outputOf('draft'));

const templateIdOf = (context: StageContext) =>
  context.options.template ?? DEFAULT_FOLLOW_UP_TEMPLATE;

const gatherStage: StageDefinition<Gathered> = {
  name: 'gather',
  onFailure: 'fail-run',
  execute: (context) =>
    new Promise((resolve) => {
      syncBuiltInTypedTemplates(context.db, context.resourcesDir);
      const template = requireEmailTemplate(context.db, templateIdOf(context));
      const values = gatherFollowUpValues(
        context.db,
        context.sessionId,
        template,
        context.actor,
        context.resourcesDir,
      );
      resolve({
        ...values,
        templateId: template.id,
        templateVersion: template.version,
        asked: [template.subject, template.body, template.resources].join('\n'),
        subject: fillVariables(template.subject, values.values),
        body: fillVariables(template.body, values.values),
      });
    }),
  summary: (output) => output,
};

/**
 * The template filled with the values is the floor and always there. Asked for (the run's options
 * do not skip notes), a notes model may write the body from the same values; an unusable answer
 * leaves the template's text, with why.
 */
const draftStage: StageDefinition<Drafted> = {
  name: 'draft',
  onFailure: 'fail-run',
  execute: async (context) => {
    const input = gathered(context);
    const floor = { subject: input.subject, body: input.body, mode: 'template' as const };
    if (context.options.skipNotes !== false)
      return { ...floor, modeNote: 'Filled from the template alone.' };
    const written = await withWorkflowNotesModel(context, (provider) =>
      draftBodyWithModel(provider, input, {
        signal: context.signal,
        onProgress: (generated, max) => context.progress((100 * generated) / max, 'draft'),
      }),
    );
    if ('note' in written)
      return { ...floor, modeNote: `Filled from the template: ${written.note}` };
    if ('problems' in written.value)
      return {
        ...floor,
        modeNote: `Filled from the template: the notes model (${written.model}) wrote nothing usable (${written.value.problems.join('; ') || 'no answer'}).`,
      };
    return {
      subject: input.subject,
      body: written.value.body,
      mode: 'model' as const,
      modeNote: `Written by the notes model ${written.model} from the template’s values only.`,
    };
  },
  summary: (output) => output,
};

const checkStage: StageDefinition<Checked> = {
  name: 'check',
  onFailure: 'fail-run',
  execute: (context) =>
    new Promise((resolve) => {
      const { subject, body } = drafted(context);
      resolve({
        warnings: clinicalDetailWarnings(`${subject}\n${body}`, gathered(context).asked),
      });
    }),
  summary: (output) => output,
};

const persistStage: StageDefinition<{ followUpId: string }> = {
  name: 'persist',
  onFailure: 'fail-run',
  // The id is made here and kept in the summary, so a resumed commit writes the same row.
  execute: () => Promise.resolve({ followUpId: randomUUID() }),
  commit: (tx, context, output) => {
    const input = gathered(context);
    const draft = drafted(context);
    insertFollowUp(tx, {
      id: output.followUpId,
      sessionId: context.sessionId,
      noteId: input.noteId,
      clientId: input.clientId,
      runId: context.runId,
      templateId: input.templateId,
      templateVersion: input.templateVersion,
      ...draft,
      warnings: Checked.parse(context.outputOf('check')).warnings,
    });
    recordAudit(tx, {
      actor: context.actor,
      action: 'followup.drafted',
      entityType: 'follow_up',
      entityId: output.followUpId,
      detail: { session: context.sessionId, run: context.runId, mode: draft.mode },
    });
  },
  summary: (output) => output,
};

/** `cairn followup <session>`: a client-facing follow-up drafted from a signed note. */
export const FOLLOW_UP_RUN: RunTypeDefinition = {
  type: 'follow_up',
  steps: STEPS,
  stages: { gather: gatherStage, draft: draftStage, check: checkStage, persist: persistStage },
  usesWorkDir: false,
  // A note unsigned (or reopened) since the run was queued: fail before any stage, with why.
  precheck: ({ db, run }) =>
    new Promise((resolve) => {
      signedNoteOf(db, run.sessionId);
      resolve();
    }),
  estimator: (db) => {
    const past = pastWorkflowStageMs(db, 'follow_up');
    return new StepEstimator(
      STEPS,
      evenWeights(STEPS),
      (stage) => past.get(stage) ?? DEFAULT_STAGE_MS,
    );
  },
};
