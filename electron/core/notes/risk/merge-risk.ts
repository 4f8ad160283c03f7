import { hasRiskCue } from './risk-cues';
import { BASE_SEVERITY } from './risk-lexicon';
import type { RiskCategory, RiskHit } from './risk-categories';

/**
 * One list of risk findings from two sources: the deterministic scanner (always runs, never
 * misses what its rules know) and the notes model (may notice what no rule names). A finding
 * either source reports is kept; when both report the same risk in the same place, it is one
 * finding marked with both sources. Nothing the scanner found can be removed by the model.
 * A concern only the model reports becomes a flag of its own only when what it quotes holds a
 * word of risk at all (risk-cues.ts): a weak model's list of ordinary sentences is dropped.
 */

export interface ModelConcern {
  category: RiskCategory;
  segmentIds: string[];
  quote: string;
}

export interface RiskFinding {
  category: RiskCategory;
  /** Where it was said; the first is the finding's anchor. */
  segmentIds: string[];
  quotes: string[];
  sources: ('scanner' | 'model')[];
  severity: 'high' | 'medium';
  temporal: 'current' | 'past' | 'unknown';
  subject: 'self' | 'other' | 'unknown';
}

export function findingKey(category: string, segmentId: string | undefined): string {
  return `${category}\u0000${segmentId ?? ''}`;
}

export function mergeRisk(
  scanner: readonly RiskHit[],
  model: readonly ModelConcern[],
): RiskFinding[] {
  const findings = new Map<string, RiskFinding>();
  for (const hit of scanner) {
    const key = findingKey(hit.category, hit.segmentId);
    const existing = findings.get(key);
    if (existing) {
      existing.quotes = unique([...existing.quotes, hit.quote]);
      continue;
    }
    findings.set(key, {
      category: hit.category,
      segmentIds: [hit.segmentId],
      quotes: [hit.quote],
      sources: ['scanner'],
      severity: hit.severity,
      temporal: hit.temporal,
      subject: hit.subject,
    });
  }
  for (const concern of model) {
    const quote = concern.quote.trim();
    const match = concern.segmentIds
      .map((id) => findings.get(findingKey(concern.category, id)))
      .find((finding) => finding !== undefined);
    if (match) {
      match.sources = unique([...match.sources, 'model']);
      continue;
    }
    if (!hasRiskCue(quote)) continue;
    const key = findingKey(concern.category, concern.segmentIds[0]);
    const existing = findings.get(key);
    if (existing) {
      existing.quotes = unique(quote ? [...existing.quotes, quote] : existing.quotes);
      existing.sources = unique([...existing.sources, 'model']);
      continue;
    }
    findings.set(key, {
      category: concern.category,
      segmentIds: [...concern.segmentIds],
      quotes: quote ? [quote] : [],
      sources: ['model'],
      // The model does not grade risk: its findings take the category's usual severity.
      severity: BASE_SEVERITY[concern.category],
      temporal: 'unknown',
      subject: 'unknown',
    });
  }
  return [...findings.values()];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
