import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors';
import type { PipelineService } from '../pipeline/pipeline-service';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import {
  followUpsOfSession,
  markFollowUpExported,
  requireFollowUp,
  updateFollowUpText,
} from '../store/repositories/follow-ups';
import {
  getAnyTemplate,
  listTemplatesOfType,
  requireEmailTemplate,
  saveAnyTemplate,
  syncBuiltInTypedTemplates,
  templateVersionsOf,
} from '../store/repositories/typed-templates';
import { findTemplate } from '../notes/write-note';
import { clinicalDetailWarnings } from '../workflows/followup/clinical-check';
import { buildEml, clipboardText, mailtoLink } from '../workflows/followup/export-message';
import { DEFAULT_FOLLOW_UP_TEMPLATE } from '../workflows/followup/followup-run-type';
import { signedNoteOf } from '../workflows/plan/extract';
import type { Handlers } from './handlers';

type FollowUpHandlers = Pick<
  Handlers,
  | 'followups.draft'
  | 'followups.list'
  | 'followups.get'
  | 'followups.update'
  | 'followups.export'
  | 'templates.ofType'
  | 'templates.definition'
  | 'templates.saveTyped'
  | 'templates.versions'
>;

/** Follow-ups for the client (drafted by a follow_up run, edited, exported) and typed templates. */
export function createFollowUpHandlers(context: {
  db: Db;
  actor: string;
  pipeline: PipelineService;
  resourcesDir?: string;
}): FollowUpHandlers {
  const { db, actor, pipeline, resourcesDir } = context;
  // Every type's built-ins are in the database before any template is listed or read.
  const synced = () => {
    findTemplate(db, 'soap', resourcesDir);
    syncBuiltInTypedTemplates(db, resourcesDir);
  };
  return {
    'followups.draft': ({ sessionId, templateId, waiting, useModel }) => {
      // Refused here with the reason, before a run is queued that could only fail.
      signedNoteOf(db, sessionId);
      synced();
      const template = requireEmailTemplate(db, templateId ?? DEFAULT_FOLLOW_UP_TEMPLATE);
      const queued = pipeline.enqueueWorkflow('follow_up', sessionId, waiting ?? false, {
        template: template.id,
        skipNotes: useModel !== true,
      });
      return { sessionId, runId: queued.runId };
    },
    'followups.list': ({ sessionId }) => followUpsOfSession(db, sessionId),
    'followups.get': ({ id }) => requireFollowUp(db, id),
    'followups.update': ({ id, subject, body }) => {
      const current = requireFollowUp(db, id);
      const template = getAnyTemplate(db, current.templateId);
      const asked =
        template && 'subject' in template
          ? [template.subject, template.body, template.resources].join('\n')
          : '';
      transaction(db, (tx) => {
        updateFollowUpText(tx, id, {
          subject,
          body,
          warnings: clinicalDetailWarnings(`${subject}\n${body}`, asked),
        });
        recordAudit(tx, {
          actor,
          action: 'followup.edited',
          entityType: 'follow_up',
          entityId: id,
        });
      });
      return requireFollowUp(db, id);
    },
    'followups.export': async ({ id, as, path: target }) => {
      const followUp = requireFollowUp(db, id);
      if (target !== undefined && (as !== 'eml' || !path.isAbsolute(target)))
        throw new ValidationError(
          'export_path_invalid',
          'A follow-up is written to a file only as .eml, and to an absolute path.',
        );
      const content =
        as === 'eml'
          ? await buildEml(followUp)
          : as === 'clipboard'
            ? clipboardText(followUp)
            : mailtoLink(followUp);
      if (target !== undefined) await writeFile(target, content, { encoding: 'utf8', mode: 0o600 });
      transaction(db, (tx) => {
        markFollowUpExported(tx, id, as);
        recordAudit(tx, {
          actor,
          action: 'followup.exported',
          entityType: 'follow_up',
          entityId: id,
          detail: { as, toFile: target !== undefined },
        });
      });
      return { followUp: requireFollowUp(db, id), content, path: target ?? null };
    },
    'templates.ofType': ({ type }) => {
      synced();
      return listTemplatesOfType(db, type);
    },
    'templates.definition': ({ id }) => {
      synced();
      const found = getAnyTemplate(db, id);
      if (!found)
        throw new ValidationError('template_not_found', `There is no template called "${id}".`);
      return found;
    },
    'templates.saveTyped': (template) => {
      synced();
      return transaction(db, (tx) => {
        const saved = saveAnyTemplate(tx, template, actor);
        recordAudit(tx, {
          actor,
          action: 'template.saved',
          entityType: 'template',
          entityId: saved.id,
          detail: { type: saved.type, version: saved.version },
        });
        return saved;
      });
    },
    'templates.versions': ({ id }) => {
      synced();
      return templateVersionsOf(db, id);
    },
  };
}
