import { NoteContent } from '../../../shared/api/note-schemas';
import { readSetting } from '../config/settings';
import { ValidationError } from '../errors';
import { renderNoteText } from '../notes/generate/note-output';
import { chooseProvider, providerStatus } from '../notes/llm/choose-provider';
import { listOllamaModels, pullOllamaModel } from '../notes/llm/ollama-provider';
import { findTemplate, regenerateSection } from '../notes/write-note';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import { recordAudit } from '../store/repositories/audit';
import {
  deleteTemplate,
  getTemplate,
  listTemplates,
  saveTemplate,
} from '../store/repositories/note-templates';
import {
  getNote,
  noteRevisions,
  notesOfSession,
  saveClinicianVersion,
} from '../store/repositories/notes';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

interface NotesHandlerContext {
  db: Db;
  events: EventBus;
  actor: string;
  modelsDir: string;
  resourcesDir?: string;
}

type NotesHandlers = Pick<
  Handlers,
  | 'notes.list'
  | 'notes.get'
  | 'notes.revisions'
  | 'notes.saveClinicianVersion'
  | 'notes.regenerateSection'
  | 'notes.providerStatus'
  | 'ollama.models'
  | 'ollama.pull'
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.delete'
>;

/** Notes and templates: the review side of the API. */
export function createNotesHandlers(context: NotesHandlerContext): NotesHandlers {
  const { db, actor, modelsDir } = context;
  const requireNote = (id: string) => {
    const note = getNote(db, id);
    if (!note) throw new ValidationError('note_not_found', `There is no note with id ${id}.`);
    return note;
  };
  // Built-ins are synced into the database on first use; list and get see them too.
  const templates = () => {
    findTemplate(db, 'soap', context.resourcesDir);
    return listTemplates(db);
  };
  return {
    'notes.list': ({ sessionId }) => notesOfSession(db, sessionId),
    'notes.get': ({ id }) => requireNote(id),
    'notes.revisions': ({ id }) => noteRevisions(db, requireNote(id).id),
    'notes.saveClinicianVersion': ({ id, content }) => {
      const note = requireNote(id);
      const template = findTemplate(db, note.templateId, context.resourcesDir);
      const parsed = NoteContent.parse(content);
      transaction(db, (tx) => {
        saveClinicianVersion(tx, {
          noteId: id,
          content: parsed,
          text: renderNoteText(template.name, parsed),
          author: actor,
        });
        recordAudit(tx, { actor, action: 'note.edited', entityType: 'note', entityId: id });
      });
      return requireNote(id);
    },
    'notes.regenerateSection': async ({ id, section }) => {
      const provider = chooseProvider(db, modelsDir);
      try {
        return await regenerateSection({
          db,
          noteId: requireNote(id).id,
          sectionKey: section,
          provider,
          actor,
          resourcesDir: context.resourcesDir,
        });
      } finally {
        await provider.close();
      }
    },
    'notes.providerStatus': () => providerStatus(db, modelsDir),
    'ollama.models': () => listOllamaModels(readSetting(db, 'ollamaHost')),
    'ollama.pull': async ({ model }) => {
      await pullOllamaModel(readSetting(db, 'ollamaHost'), model, (progress) =>
        context.events.emit('ollama.pullProgress', { model, ...progress }),
      );
      return { model };
    },
    'templates.list': () => templates(),
    'templates.get': ({ id }) => {
      templates();
      const found = getTemplate(db, id);
      if (!found)
        throw new ValidationError(
          'template_not_found',
          `There is no note template called "${id}".`,
        );
      const { builtIn: _builtIn, ...template } = found;
      return template;
    },
    'templates.save': (template) => {
      templates();
      return transaction(db, (tx) => {
        const saved = saveTemplate(tx, template);
        recordAudit(tx, {
          actor,
          action: 'template.saved',
          entityType: 'template',
          entityId: saved.id,
        });
        return saved;
      });
    },
    'templates.delete': ({ id }) =>
      transaction(db, (tx) => {
        const deleted = deleteTemplate(tx, id);
        if (deleted)
          recordAudit(tx, {
            actor,
            action: 'template.deleted',
            entityType: 'template',
            entityId: id,
          });
        return { deleted };
      }),
  };
}
