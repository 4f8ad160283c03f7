import type { Command } from 'commander';
import type { Core } from '../../app/core';
import { ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { resolveClientId } from './brief';
import { renderPlan, renderProposals } from './plan-format';
import { followToCompletion } from './process';

interface JsonOption {
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkSessionId(id: string): void {
  if (!UUID.test(id))
    throw new ValidationError(
      'session_not_found',
      `"${id}" is not a session id. See a client's sessions with: cairn sessions`,
    );
}

/**
 * `cairn plan <session>`: proposed updates of the client's treatment plan from a signed session;
 * `cairn plan show <client>`: the plan and each goal's timeline; `accept` / `reject`: decisions.
 */
export function registerPlanCommand(program: Command, context: CommandContext): void {
  const plan = program
    .command('plan')
    .description(
      "propose updates of a client's treatment plan from a session's signed note (nothing changes until you accept)",
    )
    .argument('<session-id>', 'a session whose note is signed (see: cairn sessions)')
    .option('--json', 'print machine-readable JSON (the run and its proposals)')
    .action(async (sessionId: string, options: JsonOption) => {
      checkSessionId(sessionId);
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const queued = await call(core, 'plans.propose', { sessionId, waiting: true });
          await followToCompletion(
            core,
            queued.runId,
            signal,
            !options.json,
            'The plan updates could not be proposed.',
          );
          const view = await call(core, 'plans.get', { clientId: queued.clientId });
          const proposals = view.pending.filter((p) => p.sessionId === sessionId);
          if (options.json)
            return context.io.out(
              JSON.stringify({
                clientId: queued.clientId,
                sessionId,
                runId: queued.runId,
                proposals,
              }),
            );
          const { date } = await call(core, 'sessions.get', { id: sessionId });
          context.io.out(renderProposals(proposals, date));
        }),
      );
    });

  // Options after a subcommand belong to it, so `plan show X --json` reads its own --json too.
  const json = (command: Command) => command.optsWithGlobals<JsonOption>().json === true;

  plan
    .command('show')
    .description("a client's treatment plan: goals with SMART parts and timelines, what waits")
    .argument('<client>', 'the client’s name or id (as `cairn clients` lists them)')
    .option('--json', 'print machine-readable JSON (the plan view)')
    .action(async (client: string, _options: JsonOption, command: Command) => {
      await context.withCore(async (core) => {
        const view = await call(core, 'plans.get', {
          clientId: await resolveClientId(core, client),
        });
        context.io.out(json(command) ? JSON.stringify(view) : renderPlan(view));
      });
    });

  for (const decision of ['accept', 'reject'] as const)
    plan
      .command(decision)
      .description(
        decision === 'accept'
          ? 'accept proposed changes as they are: one new plan version (edit them in the app)'
          : 'reject proposed changes: recorded, the plan stays as it is',
      )
      .argument('<client>', 'the client’s name or id')
      .argument('<proposal-ids...>', 'ids as `cairn plan` and `cairn plan show --json` print them')
      .option('--json', 'print machine-readable JSON ({ version, accepted, rejected })')
      .action(async (client: string, ids: string[], _options: JsonOption, command: Command) => {
        await context.withCore(async (core) => {
          const result = await decide(core, client, ids, decision);
          if (json(command)) return context.io.out(JSON.stringify(result));
          context.io.out(
            result.version === null
              ? `Rejected ${result.rejected}; the plan stays as it is.`
              : `Plan version ${result.version}: accepted ${result.accepted}${result.rejected ? `, rejected ${result.rejected}` : ''}.`,
          );
        });
      });
}

async function decide(core: Core, client: string, ids: string[], decision: 'accept' | 'reject') {
  const clientId = await resolveClientId(core, client);
  for (const id of ids)
    if (!UUID.test(id))
      throw new ValidationError(
        'plan_proposal_not_found',
        `"${id}" is not a proposal id. See them with: cairn plan show "${client}" --json`,
      );
  return call(core, 'plans.decide', {
    clientId,
    decisions: ids.map((proposalId) => ({ proposalId, decision })),
  });
}
