import type { Command } from 'commander';
import type { ClientSummary } from '../../../../shared/api/schemas';
import { call } from '../call';
import { formatTable } from '../io';
import type { CommandContext } from '../main';

interface JsonOption {
  json?: boolean;
}

/** `cairn clients [list|create|rename]`: the Clients page from a terminal, through the same API. */
export function registerClientCommands(program: Command, context: CommandContext): void {
  const clients = program.command('clients').description('list, add and rename clients');

  clients
    .command('list', { isDefault: true })
    .description('list clients with their session count and last session (the default)')
    .option('--json', 'print machine-readable JSON')
    .action(async (options: JsonOption) => {
      const list = await context.withCore((core) => call(core, 'clients.list', {}));
      if (options.json) return context.io.out(JSON.stringify(list));
      if (list.length === 0)
        return context.io.out('No clients yet. Add one with: cairn clients create NAME');
      context.io.out(
        formatTable(
          ['ID', 'NAME', 'SESSIONS', 'LAST SESSION', 'OPEN RISK FLAGS'],
          list.map((c) => [
            c.id,
            c.name,
            String(c.sessionCount),
            c.lastSessionDate ?? '—',
            String(c.openRiskFlags),
          ]),
        ),
      );
    });

  clients
    .command('create')
    .description('add a client (refused if the name is taken, ignoring case)')
    .argument('<name>', 'the client’s name, quoted if it has spaces')
    .option('--json', 'print machine-readable JSON')
    .action(async (name: string, options: JsonOption) => {
      const client = await context.withCore((core) => call(core, 'clients.create', { name }));
      printClient(context, client, options, 'Added');
    });

  clients
    .command('rename')
    .description('rename a client')
    .argument('<client-id>', 'the id printed by `cairn clients`')
    .argument('<name>', 'the new name')
    .option('--json', 'print machine-readable JSON')
    .action(async (id: string, name: string, options: JsonOption) => {
      const client = await context.withCore((core) => call(core, 'clients.rename', { id, name }));
      printClient(context, client, options, 'Renamed');
    });
}

function printClient(
  context: CommandContext,
  client: ClientSummary,
  options: JsonOption,
  verb: string,
): void {
  context.io.out(options.json ? JSON.stringify(client) : `${verb} ${client.name} (${client.id})`);
}
