import type { Command } from 'commander';
import type { Core } from '../../app/core';
import { ValidationError } from '../../errors';
import { call } from '../call';
import { withInterruptSignal } from '../interrupt';
import type { CommandContext } from '../main';
import { followToCompletion } from './process';
import { renderHistory, renderRefinement } from './refine-format';

interface RefineOptions {
  section?: string;
  accept?: boolean;
  json?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notAnId(what: string, id: string, hint: string): ValidationError {
  return new ValidationError(`${what}_not_found`, `"${id}" is not a ${what} id. ${hint}`);
}

/** A note id, or a session id standing for its newest note. */
async function resolveNoteId(core: Core, id: string): Promise<string> {
  const hint = 'Give a note id, or a session id (see: cairn sessions).';
  if (!UUID.test(id)) throw notAnId('note', id, hint);
  const envelope = await core.invoke('notes.get', { id });
  if (envelope.ok) return id;
  const notes = await call(core, 'notes.list', { sessionId: id }).catch(() => []);
  const newest = notes[0];
  if (!newest) throw notAnId('note', id, hint);
  return newest.id;
}

/**
 * `cairn refine <note> "<request>"`: a proposed revision of a draft note, shown as a word diff;
 * `--accept` takes it as a new revision. `history`, `accept` and `reject` work on what was asked.
 */
export function registerRefineCommand(program: Command, context: CommandContext): void {
  const refine = program
    .command('refine')
    .description(
      'ask for a revision of a draft note ("make the plan shorter"); shows what would change',
    )
    .argument('<note>', 'a note id, or a session id for its newest note')
    .argument('<request>', 'what to change, in your words')
    .option('--section <key>', 'refine only this section (e.g. plan); default: the whole note')
    .option('--accept', 'accept the proposed revision at once')
    .option('--json', 'print machine-readable JSON ({ refinement, note })')
    .action(async (noteArg: string, request: string, options: RefineOptions) => {
      await context.withCore((core) =>
        withInterruptSignal(async (signal) => {
          const noteId = await resolveNoteId(core, noteArg);
          const asked = await call(core, 'refine.request', {
            noteId,
            request,
            ...(options.section ? { section: options.section } : {}),
          });
          await followToCompletion(
            core,
            asked.runId,
            signal,
            !options.json,
            'The revision could not be drafted.',
          );
          const refinement = await call(core, 'refine.get', { id: asked.refinementId });
          if (refinement.status === 'failed')
            throw new ValidationError('refine_unserved', refinement.message);
          const note = options.accept
            ? await call(core, 'refine.accept', { id: refinement.id })
            : null;
          const shown = note ? await call(core, 'refine.get', { id: refinement.id }) : refinement;
          if (options.json) return context.io.out(JSON.stringify({ refinement: shown, note }));
          context.io.out(renderRefinement(shown));
          context.io.out(
            note
              ? 'Accepted: the note has a new revision.'
              : `Accept with: cairn refine accept ${refinement.id}   (or reject it)`,
          );
        }),
      );
    });

  const json = (command: Command) => command.optsWithGlobals<RefineOptions>().json === true;

  refine
    .command('history')
    .description("a note's refinements: who asked what, when, by what, and the outcome")
    .argument('<note>', 'a note id, or a session id for its newest note')
    .option('--json', 'print machine-readable JSON (the refinements, oldest first)')
    .action(async (noteArg: string, _options: RefineOptions, command: Command) => {
      await context.withCore(async (core) => {
        const history = await call(core, 'refine.list', {
          noteId: await resolveNoteId(core, noteArg),
        });
        context.io.out(json(command) ? JSON.stringify(history) : renderHistory(history));
      });
    });

  for (const decision of ['accept', 'reject'] as const)
    refine
      .command(decision)
      .description(
        decision === 'accept'
          ? 'accept a proposed revision as it is: the note gets a new revision'
          : 'reject a proposed revision: recorded, the note stays as it is',
      )
      .argument('<refinement-id>', 'as `cairn refine` and `cairn refine history` print it')
      .option('--json', 'print machine-readable JSON (accept: the note; reject: the refinement)')
      .action(async (id: string, _options: RefineOptions, command: Command) => {
        if (!UUID.test(id))
          throw notAnId('refinement', id, 'See them with: cairn refine history <note>');
        await context.withCore(async (core) => {
          const result =
            decision === 'accept'
              ? await call(core, 'refine.accept', { id })
              : await call(core, 'refine.reject', { id });
          if (json(command)) return context.io.out(JSON.stringify(result));
          context.io.out(
            decision === 'accept'
              ? 'Accepted: the note has a new revision.'
              : 'Rejected; the note stays as it is.',
          );
        });
      });
}
