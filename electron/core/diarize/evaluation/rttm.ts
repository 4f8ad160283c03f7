import type { ScoredRegion, SpeakerTurn } from '../types';

/** RTTM SPEAKER lines, grouped by file id. Other line types are ignored. */
export function parseRttm(text: string): Map<string, SpeakerTurn[]> {
  const byFile = new Map<string, SpeakerTurn[]>();
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] !== 'SPEAKER' || fields.length < 8) continue;
    const [, file = '', , start = '0', duration = '0', , , speaker = ''] = fields;
    const turns = byFile.get(file) ?? [];
    turns.push({ speaker, start: Number(start), end: Number(start) + Number(duration) });
    byFile.set(file, turns);
  }
  return byFile;
}

export function formatRttm(fileId: string, turns: readonly SpeakerTurn[]): string {
  return turns
    .map(
      (t) =>
        `SPEAKER ${fileId} 1 ${t.start.toFixed(3)} ${(t.end - t.start).toFixed(3)} <NA> <NA> ${t.speaker} <NA> <NA>\n`,
    )
    .join('');
}

/** UEM lines (`file channel start end`), grouped by file id. */
export function parseUem(text: string): Map<string, ScoredRegion[]> {
  const byFile = new Map<string, ScoredRegion[]>();
  for (const line of text.split('\n')) {
    const [file, , start, end] = line.trim().split(/\s+/);
    if (!file || start === undefined || end === undefined) continue;
    const regions = byFile.get(file) ?? [];
    regions.push({ start: Number(start), end: Number(end) });
    byFile.set(file, regions);
  }
  return byFile;
}
