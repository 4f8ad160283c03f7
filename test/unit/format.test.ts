import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../renderer/src/format';

describe('formatDuration', () => {
  it.each([
    [null, '—'],
    [0, '0:00'],
    [59.6, '1:00'],
    [125, '2:05'],
    [3725, '1:02:05'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
