import { and, asc, desc, eq } from 'drizzle-orm';
import { NoteTemplate, type TemplateSummary } from '../../../../shared/api/note-schemas';
import { PermanentError, ValidationError } from '../../errors';
import { noteTemplates } from '../schema';
import { atomically, type DbOrTx } from './types';

type TemplateRow = typeof noteTemplates.$inferSelect;

/**
 * Brings the stored built-ins in line with the ones this Cairn ships. A practice template that
 * happens to share a shipped id is left alone: the practice's work is never overwritten.
 */
export function syncBuiltInTemplates(db: DbOrTx, templates: NoteTemplate[]): void {
  atomically(db, (tx) => {
    for (const template of templates) {
      const definitionJson = JSON.stringify(template);
      const stored = tx.select().from(noteTemplates).where(eq(noteTemplates.id, template.id)).get();
      const columns = {
        name: template.name,
        description: template.description,
        version: template.version,
        definitionJson,
        builtIn: true,
      };
      if (!stored) {
        tx.insert(noteTemplates)
          .values({ id: template.id, ...columns })
          .run();
      } else if (
        stored.builtIn &&
        (stored.version !== template.version || stored.definitionJson !== definitionJson)
      ) {
        tx.update(noteTemplates)
          .set({ ...columns, updatedAt: Date.now() })
          .where(eq(noteTemplates.id, template.id))
          .run();
      }
    }
  });
}

/**
 * Note (summary) templates only: built-ins first (the ones most clinicians reach for), then the
 * practice's own by name. Email and prompt templates are listed by typed-templates.ts: a note is
 * never written from one.
 */
export function listTemplates(db: DbOrTx): TemplateSummary[] {
  return db
    .select()
    .from(noteTemplates)
    .where(eq(noteTemplates.type, 'summary'))
    .orderBy(desc(noteTemplates.builtIn), asc(noteTemplates.name), asc(noteTemplates.id))
    .all()
    .map((row) => summaryOf(definitionOf(row), row.builtIn));
}

export function getTemplate(
  db: DbOrTx,
  id: string,
): (NoteTemplate & { builtIn: boolean }) | undefined {
  const row = db
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.id, id), eq(noteTemplates.type, 'summary')))
    .get();
  return row && { ...definitionOf(row), builtIn: row.builtIn };
}

/**
 * Creates or updates a practice template. Saving over an existing one bumps its version, so a
 * note can tell which wording of the template it was written from.
 */
export function saveTemplate(db: DbOrTx, template: NoteTemplate): TemplateSummary {
  const parsed = NoteTemplate.safeParse(template);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ValidationError(
      'template_invalid',
      `The template is not valid: ${where}${issue?.message ?? 'unknown problem'}.`,
    );
  }
  return atomically(db, (tx) => {
    const stored = tx
      .select()
      .from(noteTemplates)
      .where(eq(noteTemplates.id, parsed.data.id))
      .get();
    if (stored && stored.type !== 'summary')
      throw new ValidationError(
        'template_id_taken',
        `The id "${stored.id}" belongs to a ${stored.type} template; choose another id.`,
      );
    if (stored?.builtIn) refuseBuiltIn(stored);
    const definition: NoteTemplate = stored
      ? { ...parsed.data, version: stored.version + 1 }
      : parsed.data;
    const columns = {
      name: definition.name,
      description: definition.description,
      version: definition.version,
      definitionJson: JSON.stringify(definition),
      builtIn: false,
    };
    if (stored)
      tx.update(noteTemplates)
        .set({ ...columns, updatedAt: Date.now() })
        .where(eq(noteTemplates.id, definition.id))
        .run();
    else
      tx.insert(noteTemplates)
        .values({ id: definition.id, ...columns })
        .run();
    return summaryOf(definition, false);
  });
}

/** Returns false when there was no such template. Notes written from it keep their content. */
export function deleteTemplate(db: DbOrTx, id: string): boolean {
  return atomically(db, (tx) => {
    const stored = tx.select().from(noteTemplates).where(eq(noteTemplates.id, id)).get();
    if (!stored) return false;
    if (stored.builtIn) refuseBuiltIn(stored);
    return tx.delete(noteTemplates).where(eq(noteTemplates.id, id)).run().changes === 1;
  });
}

function refuseBuiltIn(row: TemplateRow): never {
  throw new ValidationError(
    'template_builtin',
    `"${row.name}" is a built-in template and cannot be changed or deleted; ` +
      'copy it under a new id to make your own version.',
  );
}

function definitionOf(row: TemplateRow): NoteTemplate {
  const parsed = NoteTemplate.safeParse(JSON.parse(row.definitionJson));
  if (parsed.success) return parsed.data;
  throw new PermanentError(
    'template_unreadable',
    `The stored template "${row.name}" could not be read: the library may be damaged.`,
    { cause: parsed.error },
  );
}

function summaryOf(template: NoteTemplate, builtIn: boolean): TemplateSummary {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    version: template.version,
    builtIn,
    sections: template.sections.map(({ key, title }) => ({ key, title })),
  };
}
