import type { Command } from 'commander';
import { ValidationError } from '../../errors';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

/** A value as typed on the command line: JSON when it parses (8192, true), else the text. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function registerSettingsCommand(program: Command, context: CommandContext): void {
  program
    .command('settings')
    .description('show the settings, or set one (e.g. cairn settings notesProvider ollama)')
    .argument('[name]', 'a setting’s name')
    .argument('[value]', 'its new value')
    .option('--json', 'print JSON')
    .action(
      async (name: string | undefined, value: string | undefined, options: { json?: boolean }) => {
        await context.withCore(async (core) => {
          const all =
            name !== undefined && value !== undefined
              ? await call(core, 'settings.set', { name, value: parseValue(value) })
              : await call(core, 'settings.get', {});
          if (name !== undefined && !Object.hasOwn(all, name))
            throw new ValidationError(
              'setting_unknown',
              `There is no setting called "${name}". Known: ${Object.keys(all).join(', ')}.`,
            );
          const shown = name === undefined ? all : { [name]: all[name] };
          if (options.json) {
            context.io.out(JSON.stringify(shown));
            return;
          }
          context.io.out(
            formatTable(
              ['SETTING', 'VALUE'],
              Object.entries(shown).map(([key, v]) => [key, JSON.stringify(v)]),
            ),
          );
        });
      },
    );
}
