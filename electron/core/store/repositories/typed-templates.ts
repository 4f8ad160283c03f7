import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq } from 'drizzle-orm';
import {
  AnyTemplate,
  EmailTemplate,
  PromptTemplate,
  templateTypeOf,
  type TemplateType,
  type TemplateVersion,
  type TypedTemplateSummary,
} from '../../../../shared/api/template-schemas';
import { resolveResourcesDir } from '../../config/resources';
import { PermanentError, ValidationError } from '../../errors';
import { checkTemplateVariables } from '../../workflows/followup/template-variables';
import { noteTemplates } from '../schema';
import { templateVersions } from '../schema-followup';
import { saveTemplate } from './note-templates';
import { atomically, type DbOrTx, type Tx } from './types';

type TemplateRow = typeof noteTemplates.$inferSelect;
type TypedTemplate = EmailTemplate | PromptTemplate;

/** The email and prompt templates Cairn ships: resources/templates/<type>/*.json. */
export function builtInTypedTemplates(resourcesDir?: string): TypedTemplate[] {
  const root = path.join(resolveResourcesDir(resourcesDir), 'templates');
  return (['email', 'prompt'] as const).flatMap((type) => {
    const dir = path.join(root, type);
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    return files.sort().map((file) => {
      const schema = type === 'email' ? EmailTemplate : PromptTemplate;
      const parsed = schema.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success)
        throw new PermanentError(
          'template_invalid',
          `The ${type} template ${file} is damaged (${parsed.error.issues[0]?.message ?? 'invalid'}). Reinstall Cairn.`,
        );
      checkTemplateVariables(parsed.data);
      return parsed.data;
    });
  });
}

/** Stores the shipped email and prompt templates (a practice's own are never overwritten). */
export function syncBuiltInTypedTemplates(db: DbOrTx, resourcesDir?: string): void {
  const templates = builtInTypedTemplates(resourcesDir);
  atomically(db, (tx) => {
    for (const template of templates) {
      const definitionJson = JSON.stringify(template);
      const stored = tx.select().from(noteTemplates).where(eq(noteTemplates.id, template.id)).get();
      if (stored && (!stored.builtIn || stored.definitionJson === definitionJson)) continue;
      const columns = { ...columnsOf(template), builtIn: true };
      if (stored)
        tx.update(noteTemplates)
          .set({ ...columns, updatedAt: Date.now() })
          .where(eq(noteTemplates.id, template.id))
          .run();
      else tx.insert(noteTemplates).values(columns).run();
      recordVersion(tx, template, 'Cairn');
    }
  });
}

export function listTemplatesOfType(db: DbOrTx, type: TemplateType): TypedTemplateSummary[] {
  return db
    .select()
    .from(noteTemplates)
    .where(eq(noteTemplates.type, type))
    .orderBy(desc(noteTemplates.builtIn), asc(noteTemplates.name), asc(noteTemplates.id))
    .all()
    .map((row) => ({
      id: row.id,
      type: row.type,
      name: row.name,
      description: row.description,
      version: row.version,
      builtIn: row.builtIn,
    }));
}

/** A template of any type, or undefined. */
export function getAnyTemplate(db: DbOrTx, id: string): AnyTemplate | undefined {
  const row = db.select().from(noteTemplates).where(eq(noteTemplates.id, id)).get();
  return row && definitionOf(row);
}

/** An email template by id, or a user-facing error naming what is wrong. */
export function requireEmailTemplate(db: DbOrTx, id: string): EmailTemplate {
  const found = getAnyTemplate(db, id);
  if (!found || templateTypeOf(found) !== 'email')
    throw new ValidationError(
      'template_not_found',
      `There is no email template called "${id}". See the choices with: cairn templates --type email`,
    );
  return found as EmailTemplate;
}

/** The practice's prompt template for a summary template, if it has one (newest saved wins). */
export function promptTemplateFor(
  db: DbOrTx,
  summaryTemplateId: string,
): PromptTemplate | undefined {
  return db
    .select()
    .from(noteTemplates)
    .where(eq(noteTemplates.type, 'prompt'))
    .orderBy(asc(noteTemplates.builtIn), desc(noteTemplates.updatedAt))
    .all()
    .map((row) => definitionOf(row) as PromptTemplate)
    .find((t) => t.forTemplate === summaryTemplateId);
}

/**
 * Saves a template of any type: variables checked (email, prompt), a built-in refused, the
 * version bumped on every save and the saved wording kept in template_versions.
 */
export function saveAnyTemplate(
  db: DbOrTx,
  input: AnyTemplate,
  savedBy: string,
): TypedTemplateSummary {
  const parsed = AnyTemplate.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      'template_invalid',
      `The template is not valid: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  const template = parsed.data;
  const type = templateTypeOf(template);
  return atomically(db, (tx) => {
    const stored = tx.select().from(noteTemplates).where(eq(noteTemplates.id, template.id)).get();
    if (stored && stored.type !== type)
      throw new ValidationError(
        'template_id_taken',
        `The id "${template.id}" belongs to a ${stored.type} template; choose another id.`,
      );
    if (type === 'summary') {
      const saved = saveTemplate(tx, { ...template, type: undefined } as never);
      const definition = getAnyTemplate(tx, saved.id);
      if (definition) recordVersion(tx, definition, savedBy);
      return { ...saved, type };
    }
    const typed = template as TypedTemplate;
    checkTemplateVariables(typed);
    if (typed.type === 'prompt') requireSummaryTemplate(tx, typed.forTemplate);
    if (stored?.builtIn)
      throw new ValidationError(
        'template_builtin',
        `"${stored.name}" is a built-in template and cannot be changed; copy it under a new id to make your own version.`,
      );
    const definition = { ...typed, version: stored ? stored.version + 1 : typed.version };
    const columns = { ...columnsOf(definition), builtIn: false };
    if (stored)
      tx.update(noteTemplates)
        .set({ ...columns, updatedAt: Date.now() })
        .where(eq(noteTemplates.id, definition.id))
        .run();
    else tx.insert(noteTemplates).values(columns).run();
    recordVersion(tx, definition, savedBy);
    return { ...columns, type: definition.type };
  });
}

/** Every kept wording of a template, newest first. */
export function templateVersionsOf(db: DbOrTx, id: string): TemplateVersion[] {
  return db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, id))
    .orderBy(desc(templateVersions.version))
    .all()
    .map((row) => ({
      templateId: row.templateId,
      version: row.version,
      definition: AnyTemplate.parse(JSON.parse(row.definitionJson)),
      savedBy: row.savedBy,
      savedAt: row.savedAt,
    }));
}

function requireSummaryTemplate(tx: Tx, id: string): void {
  const row = tx
    .select({ id: noteTemplates.id })
    .from(noteTemplates)
    .where(and(eq(noteTemplates.id, id), eq(noteTemplates.type, 'summary')))
    .get();
  if (!row)
    throw new ValidationError(
      'template_not_found',
      `The prompt template is for "${id}", which is not a note template. See them with: cairn templates`,
    );
}

function recordVersion(tx: Tx, template: AnyTemplate, savedBy: string): void {
  tx.insert(templateVersions)
    .values({
      templateId: template.id,
      version: template.version,
      definitionJson: JSON.stringify(template),
      savedBy,
    })
    .onConflictDoNothing()
    .run();
}

function columnsOf(template: TypedTemplate) {
  return {
    id: template.id,
    type: template.type,
    name: template.name,
    description: template.description,
    version: template.version,
    definitionJson: JSON.stringify(template),
  };
}

function definitionOf(row: TemplateRow): AnyTemplate {
  const json: unknown = JSON.parse(row.definitionJson);
  const schema =
    row.type === 'email' ? EmailTemplate : row.type === 'prompt' ? PromptTemplate : AnyTemplate;
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new PermanentError(
    'template_unreadable',
    `The stored template "${row.name}" could not be read: the library may be damaged.`,
    { cause: parsed.error },
  );
}
