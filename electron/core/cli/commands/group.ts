import { Argument, type Command } from 'commander';
import { SETTABLE_KINDS } from '../../store/repositories/group-participants';
import type { GroupView, ParticipantSummary } from '../../../../shared/api/group-schemas';
import { ValidationError } from '../../errors';
import type { Core } from '../../app/core';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { resolveClientId } from './brief';
import { followToCompletion } from './process';

interface JsonOption {
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkId(id: string, what: 'session' | 'summary'): void {
  if (!UUID.test(id))
    throw new ValidationError(
      `${what}_not_found`,
      what === 'session'
        ? `"${id}" is not a session id. See the sessions with: cairn sessions`
        : `"${id}" is not a summary id. See a session's summaries with: cairn group show <session>`,
    );
}

/** "SPEAKER_01=Ada Quill": a speaker (label, name or id) and a client (name or id). */
async function parsePairs(core: Core, view: GroupView, pairs: readonly string[]) {
  return Promise.all(
    pairs.map(async (pair) => {
      const at = pair.indexOf('=');
      if (at <= 0 || at === pair.length - 1)
        throw new ValidationError(
          'mapping_invalid',
          `"${pair}" is not speaker=client. Example: cairn group map <session> SPEAKER_01="Ada Quill"`,
        );
      const speakerName = pair.slice(0, at).trim().toLowerCase();
      const speaker = view.speakers.find(
        (s) =>
          s.speakerId === pair.slice(0, at).trim() ||
          s.label.toLowerCase() === speakerName ||
          s.displayName?.toLowerCase() === speakerName,
      );
      if (!speaker)
        throw new ValidationError(
          'speaker_not_in_session',
          `This session has no speaker "${pair.slice(0, at)}". See its speakers with: cairn group show <session>`,
        );
      return {
        speakerId: speaker.speakerId,
        clientId: await resolveClientId(core, pair.slice(at + 1)),
      };
    }),
  );
}

/**
 * `cairn group kind|map|summarize|show|approve`: a group or family session's speakers mapped to
 * clients, and one summary per participant, each filed under that client with its own approval.
 */
export function registerGroupCommands(program: Command, context: CommandContext): void {
  const group = program
    .command('group')
    .description('group and family sessions: map speakers to clients, one summary per participant');

  group
    .command('kind')
    .description('make a session individual, group or family (refused once signed)')
    .argument('<session-id>', 'the session (see: cairn sessions)')
    .addArgument(new Argument('<kind>', 'the kind of session').choices(SETTABLE_KINDS))
    .option('--json', 'print the session as JSON')
    .action(
      async (sessionId: string, kind: (typeof SETTABLE_KINDS)[number], options: JsonOption) => {
        checkId(sessionId, 'session');
        await context.withCore(async (core) => {
          const session = await call(core, 'sessions.setKind', { sessionId, kind });
          context.io.out(
            options.json ? JSON.stringify(session) : `The session is now ${session.kind}.`,
          );
        });
      },
    );

  group
    .command('map')
    .description('map each speaker of a group or family session to a client (replaces the mapping)')
    .argument('<session-id>', 'a group or family session (see: cairn sessions)')
    .argument(
      '<speaker=client...>',
      'a speaker (label like SPEAKER_01, or name) = a client (name or id)',
    )
    .option('--json', 'print the session’s speakers and summaries as JSON')
    .action(async (sessionId: string, pairs: string[], options: JsonOption) => {
      checkId(sessionId, 'session');
      await context.withCore(async (core) => {
        const before = await call(core, 'group.get', { sessionId });
        const view = await call(core, 'group.participants.set', {
          sessionId,
          participants: await parsePairs(core, before, pairs),
        });
        context.io.out(options.json ? JSON.stringify(view) : renderSpeakers(view));
      });
    });

  group
    .command('summarize')
    .description(
      'write one summary per participant from their own turns, checked for crossed words',
    )
    .argument('<session-id>', 'a group or family session with its speakers mapped')
    .option('--json', 'print the summaries as JSON')
    .action(async (sessionId: string, options: JsonOption) => {
      checkId(sessionId, 'session');
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const queued = await call(core, 'group.summarize', { sessionId, waiting: true });
          await followToCompletion(
            core,
            queued.runId,
            signal,
            !options.json,
            'The participants’ summaries could not be written.',
          );
          const summaries = await call(core, 'group.summaries', { sessionId });
          context.io.out(
            options.json ? JSON.stringify(summaries) : summaries.map(renderSummary).join('\n\n'),
          );
        }),
      );
    });

  group
    .command('show')
    .description('a group or family session’s speakers, their clients and the summaries')
    .argument('<session-id>', 'a group or family session')
    .option('--json', 'print the speakers and summaries as JSON')
    .action(async (sessionId: string, options: JsonOption) => {
      checkId(sessionId, 'session');
      await context.withCore(async (core) => {
        const view = await call(core, 'group.get', { sessionId });
        if (options.json) return context.io.out(JSON.stringify(view));
        const summaries = view.summaries.map(renderSummary);
        context.io.out(
          [
            renderSpeakers(view),
            '',
            ...(summaries.length > 0
              ? summaries
              : ['No summaries yet. Write them with: cairn group summarize <session>']),
          ].join('\n'),
        );
      });
    });

  group
    .command('approve')
    .description('approve one participant’s summary (the others keep their own status)')
    .argument('<summary-id>', 'the id printed by cairn group show')
    .option('--json', 'print the summary as JSON')
    .action(async (id: string, options: JsonOption) => {
      checkId(id, 'summary');
      await context.withCore(async (core) => {
        const summary = await call(core, 'group.approveSummary', { id });
        context.io.out(
          options.json
            ? JSON.stringify(summary)
            : `Approved the summary of ${summary.clientName} for ${summary.sessionDate}.`,
        );
      });
    });
}

function renderSpeakers(view: GroupView): string {
  const lines = [`Speakers (${view.kind} session)`];
  for (const s of view.speakers) {
    const who =
      s.clientName ?? (s.role === 'clinician' ? 'the clinician (shared context)' : 'not mapped');
    lines.push(`  ${s.displayName ?? s.label}: ${who}, ${s.lines} lines, ${s.talkSec} s`);
    if (s.sample) lines.push(`    “${s.sample}”`);
  }
  return lines.join('\n');
}

/** One participant's summary as a clinician reads it in a terminal, each statement cited. */
export function renderSummary(summary: ParticipantSummary): string {
  const { generation } = summary;
  const how =
    generation.mode === 'model'
      ? `written with ${generation.model}`
      : `Cairn's rules, no model: ${generation.reason}`;
  const lines = [
    `${summary.clientName} — ${summary.status === 'approved' ? 'approved' : 'draft'} (${how})`,
    `  id ${summary.id}`,
  ];
  if (generation.notice) lines.push(`  ${generation.notice}`);
  for (const section of summary.content.sections) {
    if (section.items.length === 0) continue;
    lines.push(`  ${section.title}`);
    for (const item of section.items)
      lines.push(
        `    - ${item.text}${item.quote && item.quote !== item.text ? ` (“${item.quote}”)` : ''}`,
      );
  }
  return lines.join('\n');
}
