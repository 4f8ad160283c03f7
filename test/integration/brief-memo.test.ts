import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/app/core';
import { Brief } from '../../shared/api/brief-schemas';
import { WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { runCairn } from '../helpers/cli';
import { seedClientHistory } from '../helpers/client-history';
import { makeTempDir } from '../helpers/fixtures';
import { pipelineEnv } from '../helpers/pipeline';
import { readLibrary } from '../helpers/pipeline';

/**
 * A voice memo for the brief, as a clinician files it from the terminal: `cairn brief --memo`
 * stores the audio encrypted, the brief's first stage transcribes it with the real Whisper base
 * model, and the brief carries the memo's words — which never reach the client's guide.
 */
describe('a voice memo read into the brief', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  const memo = path.join(temp.dir, 'memo.wav');
  const notAudio = path.join(temp.dir, 'memo.mp3');
  // A name and a place the memo speaks: the brief may hold them, the guide never.
  const CANARIES = ['Yolanda', 'Portsmouth'];

  beforeAll(async () => {
    execFileSync('espeak-ng', [
      '-v',
      'en-us',
      '-s',
      '150',
      '-w',
      memo,
      'Memo for next week. Ask how the thought records went, and whether her sister Yolanda visited from Portsmouth.',
    ]);
    writeFileSync(notAudio, 'this is not audio at all');
    const core = await startCore({ dataDir, actor: 'test', transport: 'in-process' });
    seedClientHistory(core.database.db, WORRIED_SLEEPER);
    await core.shutdown();
  });
  afterAll(() => temp.remove());

  it('transcribes the memo once, shows it in the brief, and keeps it out of the guide', async () => {
    const args = ['brief', WORRIED_SLEEPER.name, '--session-date', WORRIED_SLEEPER.upcoming];
    const result = await runCairn([...args, '--memo', memo, '--json'], {
      dataDir,
      env: pipelineEnv(),
    });
    expect(result.code, result.stderr).toBe(0);
    const brief = Brief.parse(JSON.parse(result.stdout));
    expect(brief.analysis.memos).toHaveLength(1);
    const text = brief.analysis.memos[0]?.text ?? '';
    expect(text.toLowerCase()).toMatch(/thought records?/);
    expect(text).toMatch(/sister/i);
    const guide = JSON.stringify(brief.guide);
    for (const canary of CANARIES) expect(guide).not.toContain(canary);
    expect(JSON.stringify(brief.abstract)).not.toMatch(/sister|Yolanda|Portsmouth/i);

    // Stored encrypted with the library, like a recording; its words only in its own row.
    const library = readLibrary(dataDir);
    try {
      const row = library.raw.prepare('select stored_path, transcript from brief_memos').get() as {
        stored_path: string;
        transcript: string;
      };
      expect(row.transcript).toBe(text);
      expect(row.stored_path).toMatch(/\.cairnenc$/);
      const stageOutputs = library.raw
        .prepare("select output_json from pipeline_stages where stage = 'load_history'")
        .all() as { output_json: string }[];
      for (const stage of stageOutputs) expect(stage.output_json).not.toMatch(/sister/i);
    } finally {
      library.raw.close();
    }

    // Prepared again: the memo is read from its row, not transcribed a second time (so fast).
    const again = await runCairn([...args, '--json'], { dataDir, env: pipelineEnv() });
    expect(again.code, again.stderr).toBe(0);
    expect(Brief.parse(JSON.parse(again.stdout)).analysis.memos[0]?.text).toBe(text);
  });

  it('refuses a file that is not audio with exit 2, naming it, and files nothing', async () => {
    const result = await runCairn(
      ['brief', WORRIED_SLEEPER.name, '--session-date', '2026-11-30', '--memo', notAudio],
      { dataDir },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('memo.mp3');
    const library = readLibrary(dataDir);
    try {
      expect(library.raw.prepare('select count(*) as n from brief_memos').get()).toEqual({ n: 1 });
    } finally {
      library.raw.close();
    }
  });
});
