import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../electron/core/cli/progress-line';

/** A stream that keeps what is written, a terminal or a pipe as asked. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  const fake = { isTTY, columns: 100, write: (text: string) => written.push(text) > 0 };
  return { fake: fake as unknown as NodeJS.WriteStream, written };
}

describe('progress on the terminal', () => {
  it('writes one line per stage to a pipe, with its words and the time left', () => {
    const { fake, written } = stream(false);
    const reporter = progressReporter(fake);
    reporter.update({ stage: 'load_history', percent: 0, message: 'load_history', etaSec: 3 });
    reporter.update({ stage: 'load_history', percent: 10, message: 'load_history', etaSec: 2 });
    reporter.update({ stage: 'analysis', percent: 20, message: 'analysis', etaSec: null });
    expect(written).toEqual([
      '  0% load_history (reading the signed notes) · 0:03 left\n',
      ' 20% analysis (reading what changed)\n',
    ]);
  });

  it('redraws one bar on a terminal, in words, and clears it before the answer', () => {
    const { fake, written } = stream(true);
    const reporter = progressReporter(fake);
    reporter.update({ stage: 'propose', percent: 50, message: 'propose', etaSec: 65 });
    expect(written.at(-1)).toMatch(/\] {2}50% proposing plan changes · 1:05 left$/);
    reporter.done();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
