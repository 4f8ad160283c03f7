import { Option, type Command } from 'commander';
import type { Note } from '../../../../shared/api/note-schemas';
import type { RiskFlag, RunSummary } from '../../../../shared/api/schemas';
import type { Core } from '../../app/core';
import { CancelledError, PermanentError, ValidationError, fromApiError } from '../../errors';
import { call } from '../call';
import { formatTable } from '../io';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { listTypedTemplates, registerTemplateSubcommands } from './templates';
import { follow } from './process';

interface NotesCliOptions {
  template?: string;
  provider?: 'ollama' | 'embedded';
  model?: string;
  json?: boolean;
}

/** The session's note for a template (the default template when none is named). */
export async function sessionNote(
  core: Core,
  sessionId: string,
  template?: string,
): Promise<Note | null> {
  const templateId = template ?? ((await call(core, 'settings.get', {})).defaultTemplate as string);
  const notes = await call(core, 'notes.list', { sessionId });
  return notes.find((note) => note.templateId === templateId) ?? null;
}

export function registerNotesCommand(program: Command, context: CommandContext): void {
  program
    .command('notes')
    .description("write the AI draft of a processed session's note with the local notes model")
    .argument('<session-id>', 'a session whose transcript is ready (see: cairn sessions)')
    .option(
      '--template <name>',
      'note template: soap, dap, birp, girp, session-summary, or your own',
    )
    .addOption(
      new Option('--provider <name>', 'notes runtime (default: from settings)').choices([
        'ollama',
        'embedded',
      ]),
    )
    .option('--model <name>', 'an Ollama model, or a GGUF file for the embedded runtime')
    .option('--json', 'print the note, its generation details and the risk flags as JSON')
    .action(async (sessionId: string, options: NotesCliOptions) => {
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          await call(core, 'sessions.get', { id: sessionId });
          if (options.template) await call(core, 'templates.get', { id: options.template });
          const queued = await call(core, 'pipeline.process', {
            sessionId,
            options: {
              startFrom: 'notes',
              template: options.template,
              notesProvider: options.provider,
              notesModel: options.model,
            },
            waiting: true,
          });
          const run = await follow(core, queued.runId, signal, !options.json);
          if (run.status === 'cancelled') throw new CancelledError();
          throwIfNoNote(run);
          const note = await sessionNote(core, sessionId, options.template);
          if (!note?.ai) throw new PermanentError('note_missing', 'The note was not stored.');
          const flags = await call(core, 'riskFlags.list', { sessionId });
          report(context, note, flags, options.json);
        }),
      );
    });
}

export function registerTemplatesCommand(program: Command, context: CommandContext): void {
  const templates = program
    .command('templates')
    .description('list the templates: note templates, or with --type the email and prompt ones')
    .option('--type <type>', 'summary (note templates, the default), email or prompt')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean; type?: string }) => {
      await context.withCore(async (core) => {
        if (options.type !== undefined && options.type !== 'summary')
          return listTypedTemplates(core, context, options.type, options.json === true);
        const templates = await call(core, 'templates.list', {});
        if (options.json) {
          context.io.out(JSON.stringify(templates));
          return;
        }
        context.io.out(
          formatTable(
            ['ID', 'NAME', 'SECTIONS', 'KIND'],
            templates.map((t) => [
              t.id,
              t.name,
              t.sections.map((s) => s.title).join(', '),
              t.builtIn ? 'built-in' : 'practice',
            ]),
          ),
        );
      });
    });
  registerTemplateSubcommands(templates, context);
}

/** A notes run that made no note says why: a missing model is a setting (2), a crash is ours (1). */
function throwIfNoNote(run: RunSummary): void {
  const stage = run.stages.find((s) => s.stage === 'notes');
  if (stage?.status === 'completed') return;
  if (stage?.status === 'skipped')
    throw new ValidationError('notes_skipped', stage.skipReason ?? 'Notes were skipped.');
  throw fromApiError({
    category: stage?.errorCategory ?? run.errorCategory ?? 'permanent',
    code: 'notes_failed',
    message: stage?.errorMessage ?? run.errorMessage ?? 'The note could not be written.',
  });
}

function report(context: CommandContext, note: Note, flags: RiskFlag[], json?: boolean): void {
  const ai = note.ai;
  if (!ai) return;
  const items = ai.content.sections.flatMap((s) => s.items);
  const unsupported = items.filter((item) => !item.supported).length;
  if (json) {
    context.io.out(
      JSON.stringify({
        noteId: note.id,
        sessionId: note.sessionId,
        template: note.templateId,
        generation: ai.generation,
        content: ai.content,
        text: ai.text,
        unsupported,
        riskFlags: flags,
      }),
    );
    return;
  }
  context.io.out(ai.text);
  for (const flag of flags)
    context.io.out(
      `RISK (${flag.severity}) ${flag.kind.replace(/_/g, ' ')}: "${flag.quotes[0] ?? ''}"${flag.acknowledgedAt ? ' (acknowledged)' : ''}`,
    );
  const g = ai.generation;
  context.io.out(
    `${items.length} statements, ${unsupported} unverified · ${g.provider} ${g.model} · ${g.mode}${g.chunks > 1 ? ` (${g.chunks} parts)` : ''} · ${(g.totalMs / 1000).toFixed(1)} s`,
  );
}
