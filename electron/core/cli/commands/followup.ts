import path from 'node:path';
import type { Command } from 'commander';
import type { FollowUp } from '../../../../shared/api/followup-schemas';
import { PermanentError, ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { followToCompletion } from './process';

interface FollowUpOptions {
  template?: string;
  out?: string;
  model?: boolean;
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The draft as a person reads it: the message, then how it was made and what to check. */
function renderFollowUp(followUp: FollowUp, written: string | null): string {
  const lines = [
    `Subject: ${followUp.subject}`,
    '',
    followUp.body,
    '',
    `(${followUp.modeNote} Template ${followUp.templateId}, version ${followUp.templateVersion}.)`,
  ];
  if (followUp.warnings.length === 0)
    lines.push('No clinical detail found that the template did not ask for.');
  else {
    lines.push('Check before you send it:');
    for (const warning of followUp.warnings) lines.push(`  - ${warning.message}`);
  }
  lines.push(
    written
      ? `Saved as ${written}: open it in your mail program to send it. Cairn sends nothing.`
      : 'A draft: save it as a .eml file with --out FILE.eml, or copy it in the app. Cairn sends nothing.',
  );
  return lines.join('\n');
}

/** `cairn followup <session>`: a follow-up for the client from a signed note, never sent. */
export function registerFollowUpCommand(program: Command, context: CommandContext): void {
  program
    .command('followup')
    .description(
      'draft a short message for the client from a signed note (homework, next appointment, resources); Cairn never sends it',
    )
    .argument('<session-id>', 'a session whose note is signed (see: cairn sessions)')
    .option('--template <id>', 'an email template (see: cairn templates --type email)')
    .option('--model', 'let the notes model write the message from the template’s values')
    .option('--out <file.eml>', 'write the message as a .eml file and mark it exported')
    .option('--json', 'print machine-readable JSON ({ followUp, path })')
    .action(async (sessionId: string, options: FollowUpOptions) => {
      if (!UUID.test(sessionId))
        throw new ValidationError(
          'session_not_found',
          `"${sessionId}" is not a session id. See a client's sessions with: cairn sessions`,
        );
      if (options.out !== undefined && !options.out.toLowerCase().endsWith('.eml'))
        throw new ValidationError(
          'export_path_invalid',
          `--out must name a .eml file (got "${options.out}").`,
        );
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const queued = await call(core, 'followups.draft', {
            sessionId,
            templateId: options.template,
            useModel: options.model === true,
            waiting: true,
          });
          await followToCompletion(
            core,
            queued.runId,
            signal,
            !options.json,
            'The follow-up could not be drafted.',
          );
          const drafted = (await call(core, 'followups.list', { sessionId })).find(
            (f) => f.runId === queued.runId,
          );
          if (!drafted)
            throw new PermanentError('follow_up_missing', 'The follow-up was not stored.');
          let followUp = drafted;
          let written: string | null = null;
          if (options.out !== undefined) {
            const exported = await call(core, 'followups.export', {
              id: drafted.id,
              as: 'eml',
              path: path.resolve(options.out),
            });
            followUp = exported.followUp;
            written = exported.path;
          }
          context.io.out(
            options.json
              ? JSON.stringify({ followUp, path: written })
              : renderFollowUp(followUp, written),
          );
        }),
      );
    });
}
