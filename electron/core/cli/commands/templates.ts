import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { TEMPLATE_TYPES, type TemplateType } from '../../../../shared/api/template-schemas';
import type { Core } from '../../app/core';
import { ValidationError } from '../../errors';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

const isType = (type: string): type is TemplateType =>
  (TEMPLATE_TYPES as readonly string[]).includes(type);

/** `cairn templates --type email|prompt`: the templates of that type. */
export async function listTypedTemplates(
  core: Core,
  context: CommandContext,
  type: string,
  json: boolean,
): Promise<void> {
  if (!isType(type))
    throw new ValidationError(
      'template_type_unknown',
      `"${type}" is not a template type. Choose one of: ${TEMPLATE_TYPES.join(', ')}.`,
    );
  const found = await call(core, 'templates.ofType', { type });
  context.io.out(
    json
      ? JSON.stringify(found)
      : formatTable(
          ['ID', 'NAME', 'VERSION', 'KIND'],
          found.map((t) => [t.id, t.name, String(t.version), t.builtIn ? 'built-in' : 'practice']),
        ),
  );
}

/** `cairn templates save FILE` and `cairn templates versions ID`. */
export function registerTemplateSubcommands(templates: Command, context: CommandContext): void {
  const json = (command: Command) => command.optsWithGlobals<{ json?: boolean }>().json === true;
  templates
    .command('save')
    .description(
      'save a template from a JSON file (any type; email and prompt variables are checked)',
    )
    .argument('<file>', 'the template as JSON (see docs/workflows.md)')
    .option('--json', 'print JSON (the saved template’s summary)')
    .action(async (file: string, _options: unknown, command: Command) => {
      let definition: unknown;
      try {
        definition = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new ValidationError(
          'template_invalid',
          `${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await context.withCore(async (core) => {
        const saved = await call(core, 'templates.saveTyped', definition as never);
        context.io.out(
          json(command)
            ? JSON.stringify(saved)
            : `Saved the ${saved.type} template ${saved.id}, version ${saved.version}.`,
        );
      });
    });
  templates
    .command('versions')
    .description('every kept wording of a template, newest first')
    .argument('<id>', 'the template’s id')
    .option('--json', 'print JSON (the versions with their definitions)')
    .action(async (id: string, _options: unknown, command: Command) => {
      await context.withCore(async (core) => {
        const versions = await call(core, 'templates.versions', { id });
        context.io.out(
          json(command)
            ? JSON.stringify(versions)
            : formatTable(
                ['VERSION', 'SAVED BY', 'SAVED AT'],
                versions.map((v) => [
                  String(v.version),
                  v.savedBy,
                  new Date(v.savedAt).toISOString(),
                ]),
              ),
        );
      });
    });
}
