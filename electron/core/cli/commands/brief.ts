import path from 'node:path';
import type { Command } from 'commander';
import type { Brief } from '../../../../shared/api/brief-schemas';
import type { Core } from '../../app/core';
import { ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { followToCompletion } from './process';

interface BriefCliOptions {
  sessionDate?: string;
  memo?: string[];
  json?: boolean;
}

/** `cairn brief <client>`: a pre-session brief for the client's session on a day. */
export function registerBriefCommand(program: Command, context: CommandContext): void {
  program
    .command('brief')
    .description(
      "prepare a brief for a client's upcoming session from their signed notes, and a guide for the client",
    )
    .argument('<client>', 'the client’s name or id (as `cairn clients` lists them)')
    .option('--session-date <YYYY-MM-DD>', 'the day of the upcoming session (default: today)')
    .option(
      '--memo <audio-file...>',
      'a voice memo you dictated about the client: filed with the session, transcribed and read into the brief',
    )
    .option('--json', 'print machine-readable JSON (the analysis, the abstract and the guide)')
    .action(async (client: string, options: BriefCliOptions) => {
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const clientId = await resolveClientId(core, client);
          for (const memo of options.memo ?? [])
            await call(core, 'briefs.addMemo', {
              clientId,
              date: options.sessionDate,
              path: path.resolve(memo),
            });
          const queued = await call(core, 'briefs.prepare', {
            clientId,
            date: options.sessionDate,
            waiting: true,
          });
          await followToCompletion(
            core,
            queued.runId,
            signal,
            !options.json,
            'The brief could not be prepared.',
          );
          const brief = await call(core, 'briefs.get', { sessionId: queued.sessionId });
          if (!brief) throw new Error('The brief run completed but left no brief.');
          context.io.out(options.json ? JSON.stringify(brief) : renderBrief(brief));
        }),
      );
    });
}

/** A client by name (any case) or id, as `cairn clients` lists them; exit 2 when none. */
export async function resolveClientId(core: Core, nameOrId: string): Promise<string> {
  const clients = await call(core, 'clients.list', {});
  const wanted = nameOrId.trim().toLowerCase();
  const found = clients.find((c) => c.id === nameOrId || c.name.toLowerCase() === wanted);
  if (!found)
    throw new ValidationError(
      'client_not_found',
      `There is no client called "${nameOrId}". See them with: cairn clients`,
    );
  return found.id;
}

/** The brief as a clinician reads it in a terminal: each point with the sessions it rests on. */
export function renderBrief(brief: Brief): string {
  const { analysis, guide } = brief;
  const cite = (dates: readonly string[]) =>
    dates.length > 0 ? ` [${[...new Set(dates)].join(', ')}]` : '';
  const lines = [
    `Brief (${analysis.model ? `Cairn's rules and the notes model ${analysis.model}` : "Cairn's rules, no model"}) from ${analysis.sessionsRead.length} signed session(s)`,
  ];
  if (analysis.modelNote) lines.push(analysis.modelNote);
  if (analysis.sessionsRead.length === 0)
    lines.push('No signed notes for this client before this session yet.');
  const block = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', title, ...items.map((item) => `  - ${item}`));
  };
  block(
    'Your voice memo',
    analysis.memos.map((m) => m.text ?? `not transcribed: ${m.problem ?? 'no reason given'}`),
  );
  block(
    'Where things stand (written by the notes model)',
    analysis.summary.map((p) => `${p.text}${cite(p.citations.map((c) => c.date))}`),
  );
  block(
    'Themes',
    analysis.themes.map(
      (t) =>
        `${t.label}: ${t.sessions} session(s), last ${t.lastSeen}${cite(t.citations.map((c) => c.date))}`,
    ),
  );
  block(
    "Methods in use (Cairn's framework library)",
    analysis.library.map(
      (f) =>
        `${f.shortName}${f.techniques.length > 0 ? `: ${f.techniques.map((t) => t.name).join(', ')}` : ''}${cite(f.citations.map((c) => c.date))}` +
        (f.typicalHomework[0]
          ? `\n      homework the library suggests: ${f.typicalHomework[0]}`
          : ''),
    ),
  );
  block(
    'Homework',
    analysis.homework.map((h) => `${h.text} (${h.status.replace(/_/g, ' ')})${cite([h.given])}`),
  );
  block(
    `Goals in the treatment plan (version ${analysis.planVersion ?? 0})`,
    analysis.planGoals.map(
      (g) =>
        `${g.statement} — ${g.status.replace(/_/g, ' ')}${g.lastMoved ? ` since ${g.lastMoved}` : ''} (${g.measure})`,
    ),
  );
  block(
    'Risk',
    analysis.risks.map((r) => `${r.label}: last ${r.lastSeen}${r.open ? ', open' : ''}`),
  );
  block(
    'Questions to ask',
    analysis.questions.map((q) => q.text),
  );
  lines.push('', `Client guide (reading grade ${guide.grade}): ${guide.title}`);
  for (const section of guide.sections)
    lines.push(`  ${section.heading}`, ...section.lines.map((line) => `    ${line}`));
  return lines.join('\n');
}
