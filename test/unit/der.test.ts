import { describe, expect, it } from 'vitest';
import { diarizationErrorRate } from '../../electron/core/diarize/evaluation/der';
import { maximumWeightMatching } from '../../electron/core/diarize/evaluation/matching';
import { formatRttm, parseRttm, parseUem } from '../../electron/core/diarize/evaluation/rttm';

const turn = (speaker: string, start: number, end: number) => ({ speaker, start, end });

describe('diarization error rate', () => {
  const reference = [turn('A', 0, 10), turn('B', 10, 20)];

  it('is 0 for a perfect answer under any speaker names', () => {
    const result = diarizationErrorRate(reference, [turn('spk1', 0, 10), turn('spk0', 10, 20)]);
    expect(result.der).toBe(0);
    expect(result.mapping).toEqual({ spk1: 'A', spk0: 'B' });
  });

  it('counts missed speech, false alarms and confusion', () => {
    // B's last 2 s missed; 1 s of false alarm after the end is outside the reference span;
    // 3 s of A given to B's label: confusion.
    const hypothesis = [turn('x', 0, 7), turn('y', 7, 18)];
    const result = diarizationErrorRate(reference, hypothesis);
    expect(result.totalSec).toBeCloseTo(20, 6);
    expect(result.missedSec).toBeCloseTo(2, 6);
    expect(result.falseAlarmSec).toBeCloseTo(0, 6);
    expect(result.confusionSec).toBeCloseTo(3, 6);
    expect(result.der).toBeCloseTo(0.25, 6);
  });

  it('scores overlapping speech once per speaker', () => {
    const overlapped = [turn('A', 0, 10), turn('B', 5, 10)];
    const result = diarizationErrorRate(overlapped, [turn('x', 0, 10)]);
    expect(result.totalSec).toBeCloseTo(15, 6);
    expect(result.missedSec).toBeCloseTo(5, 6);
    expect(result.der).toBeCloseTo(5 / 15, 6);
  });

  it('scores only the UEM regions', () => {
    const result = diarizationErrorRate(reference, [turn('x', 0, 20)], [{ start: 0, end: 10 }]);
    expect(result.der).toBe(0);
  });

  it('counts every hypothesis second as false alarm against silence', () => {
    const result = diarizationErrorRate([], [turn('x', 0, 5)], [{ start: 0, end: 10 }]);
    expect(result.falseAlarmSec).toBeCloseTo(5, 6);
    expect(result.der).toBe(1);
  });
});

describe('optimal speaker mapping', () => {
  it('maximises total overlap, not greedy per row', () => {
    // Greedy would pair row 0 with column 0 (9) and leave 0+1; optimal is 8 + 8.
    expect(
      maximumWeightMatching([
        [9, 8],
        [8, 0],
      ]).sort(),
    ).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('handles more hypothesis than reference speakers', () => {
    expect(maximumWeightMatching([[1, 5, 2]])).toEqual([[0, 1]]);
  });
});

describe('RTTM and UEM', () => {
  it('round-trips RTTM and reads UEM', () => {
    const rttm = formatRttm('sample', [turn('speaker90', 6.69, 7.12)]);
    expect(rttm).toBe('SPEAKER sample 1 6.690 0.430 <NA> <NA> speaker90 <NA> <NA>\n');
    expect(parseRttm(rttm).get('sample')).toEqual([turn('speaker90', 6.69, 6.69 + 0.43)]);
    expect(parseUem('trn01 NA 0.000 30.000\n').get('trn01')).toEqual([{ start: 0, end: 30 }]);
  });
});
