import { expect } from 'vitest';
import type { processJson } from './pipeline';

/** `cairn process --json` output for a run whose note is the extractive floor, checked whole. */
export function expectExtractiveDraft(out: ReturnType<typeof processJson>, why: RegExp): void {
  expect(out.notes).toMatchObject({ status: 'completed', mode: 'extractive' });
  expect(out.notes.message).toMatch(why);
  expect(out.note?.generation).toMatchObject({ mode: 'extractive', provider: 'none' });
  expect(out.note?.text).toMatch(/Extractive draft — no language model/);
  expect(out.notes.sections.map((s) => s.status)).toEqual(
    out.notes.sections.map(() => 'extractive'),
  );
  const lineIds = out.transcript.map((l) => l.id);
  for (const item of out.note?.content.sections.flatMap((s) => s.items) ?? []) {
    expect(item.origin).toBe('extractive');
    for (const id of item.segmentIds) expect(lineIds).toContain(id);
  }
  expect(Array.isArray(out.riskFlags)).toBe(true);
}
