import type { Command } from 'commander';
import type { CouplesSummary, CouplesView } from '../../../../shared/api/couples-schemas';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { resolveClientId } from './brief';
import { followToCompletion } from './process';

interface JsonOption {
  json?: boolean;
}

/**
 * `cairn couples link|unlink|merge|show`: two clients as partners, and a joint-work summary made
 * from their abstracted themes and frameworks, checked for isolation before it is kept.
 */
export function registerCouplesCommands(program: Command, context: CommandContext): void {
  const couples = program
    .command('couples')
    .description('link two clients as partners and prepare a joint-work summary for the couple');

  couples
    .command('link')
    .description('link two clients as partners (joint sessions carry the first client’s id)')
    .argument('<client>', 'the client’s name or id')
    .argument('<partner>', 'their partner’s name or id')
    .option('--json', 'print the couples view as JSON')
    .action(async (client: string, partner: string, options: JsonOption) => {
      await context.withCore(async (core) => {
        const view = await call(core, 'couples.link', {
          clientId: await resolveClientId(core, client),
          partnerId: await resolveClientId(core, partner),
        });
        context.io.out(options.json ? JSON.stringify(view) : renderView(view));
      });
    });

  couples
    .command('unlink')
    .description('end the client’s partner link (joint summaries made while linked are kept)')
    .argument('<client>', 'the client’s name or id')
    .option('--json', 'print the couples view as JSON')
    .action(async (client: string, options: JsonOption) => {
      await context.withCore(async (core) => {
        const view = await call(core, 'couples.unlink', {
          clientId: await resolveClientId(core, client),
        });
        context.io.out(options.json ? JSON.stringify(view) : 'Unlinked.');
      });
    });

  couples
    .command('merge')
    .description(
      "prepare a joint-work summary from both partners' abstracted themes and frameworks (never their notes)",
    )
    .argument('<client>', 'either partner’s name or id')
    .option('--session-date <YYYY-MM-DD>', 'the day of the joint session (default: today)')
    .option('--json', 'print the joint summary and its isolation result as JSON')
    .action(async (client: string, options: JsonOption & { sessionDate?: string }) => {
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const clientId = await resolveClientId(core, client);
          const queued = await call(core, 'couples.merge', {
            clientId,
            date: options.sessionDate,
            waiting: true,
          });
          await followToCompletion(
            core,
            queued.runId,
            signal,
            !options.json,
            'The joint summary could not be prepared.',
          );
          const view = await call(core, 'couples.get', { clientId });
          if (view.latest?.runId !== queued.runId)
            throw new Error('The couples run completed but left no joint summary.');
          context.io.out(options.json ? JSON.stringify(view.latest) : renderSummary(view.latest));
        }),
      );
    });

  couples
    .command('show')
    .description("a client's partner, the couple's joint sessions and the latest joint summary")
    .argument('<client>', 'the client’s name or id')
    .option('--json', 'print the couples view as JSON')
    .action(async (client: string, options: JsonOption) => {
      await context.withCore(async (core) => {
        const view = await call(core, 'couples.get', {
          clientId: await resolveClientId(core, client),
        });
        context.io.out(options.json ? JSON.stringify(view) : renderView(view));
      });
    });
}

function renderView(view: CouplesView): string {
  if (!view.link) return 'No partner linked. Link one with: cairn couples link <client> <partner>';
  const { clientA, clientB } = view.link;
  const lines = [`Partners: ${clientA.name} and ${clientB.name}`];
  lines.push(
    view.jointSessions.length > 0
      ? `Joint sessions: ${view.jointSessions.map((s) => `${s.date} (${s.status})`).join(', ')}`
      : 'No joint sessions yet.',
  );
  lines.push(
    '',
    view.latest
      ? renderSummary(view.latest)
      : 'No joint summary yet. Prepare one with: cairn couples merge <client>',
  );
  return lines.join('\n');
}

/** The joint summary as a clinician reads it in a terminal; no partner's name is in it. */
export function renderSummary(latest: CouplesSummary): string {
  const { summary, isolation } = latest;
  const lines = [`${summary.title} (${summary.modeLabel})`];
  const list = (title: string, items: string[]) => {
    if (items.length > 0) lines.push('', title, ...items.map((item) => `  - ${item}`));
  };
  list(
    'Shared topics',
    summary.sharedTopics.map((t) => t.label),
  );
  list(
    'Methods used with both partners',
    summary.sharedMethods.map((m) => m.label),
  );
  for (const framework of summary.frameworks) {
    lines.push('', `${framework.name}: ${framework.why}`);
    lines.push(...framework.techniques.map((t) => `  - ${t.name}: ${t.description}`));
    lines.push(...framework.homework.map((h) => `  Homework: ${h}`));
  }
  lines.push('', ...summary.notes);
  lines.push(
    isolation.passed
      ? `Isolation check passed: nothing from either partner's individual sessions (${isolation.checked} strings checked).`
      : 'Isolation check failed.',
  );
  return lines.join('\n');
}
