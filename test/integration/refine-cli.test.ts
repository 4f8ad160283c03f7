import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { Note } from '../../shared/api/note-schemas';
import { Refinement } from '../../shared/api/refine-schemas';
import { runCairn } from '../helpers/cli';
import { makeTempDir } from '../helpers/fixtures';
import { seedRefinableNote } from '../helpers/refine';

/**
 * `cairn refine` as a user runs it (no notes model here, so the rules): the word diff in +/-,
 * JSON with --json, --accept, the history, and a refusal (exit 2) for a request it cannot do.
 */
describe('cairn refine', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let sessionId = '';
  let noteId = '';

  beforeAll(async () => {
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    ({ sessionId, noteId } = seedRefinableNote(core.database.db));
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  it('shows the diff, accepts with --accept, lists the history, and refuses what it cannot do', async () => {
    // A session id stands for its note.
    const shown = await runCairn(
      ['refine', sessionId, 'make the plan shorter', '--section', 'plan'],
      { dataDir },
    );
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/\(proposed, by rules\)/);
    expect(shown.stdout).toContain('[-Review progress with work worries.-]');
    expect(shown.stdout).toMatch(/Accept with: cairn refine accept [0-9a-f-]{36}/);
    // Progress on stderr a line a stage (the first may start before the CLI listens).
    expect(shown.stderr).toMatch(/% persist \(saving\)/);

    const accepted = await runCairn(
      ['refine', noteId, 'less jargon', '--section', 'subjective', '--accept', '--json'],
      { dataDir },
    );
    expect(accepted.code, accepted.stderr).toBe(0);
    const json = JSON.parse(accepted.stdout) as { refinement: unknown; note: unknown };
    const refinement = Refinement.parse(json.refinement);
    expect(refinement.status).toBe('accepted');
    expect(Note.parse(json.note).clinician?.content.sections[0]?.items[0]?.text).toMatch(
      /going over the same thoughts/,
    );

    const history = await runCairn(['refine', 'history', noteId, '--json'], { dataDir });
    expect(history.code, history.stderr).toBe(0);
    expect(
      Refinement.array()
        .parse(JSON.parse(history.stdout))
        .map((r) => [r.request, r.status]),
    ).toEqual([
      ['make the plan shorter', 'proposed'],
      ['less jargon', 'accepted'],
    ]);

    const poem = await runCairn(['refine', noteId, 'write it as a poem'], { dataDir });
    expect(poem.code).toBe(2);
    expect(poem.stderr).toMatch(/shorter, plainer \(less jargon\) or add the homework/);
  });
});
