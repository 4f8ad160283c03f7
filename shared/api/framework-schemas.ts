import { z } from 'zod';

/**
 * The framework library: well-known therapy methods (CBT, DBT, Gottman…) shipped as data in
 * resources/frameworks/*.json, one file per framework. The workflows between sessions read it
 * instead of searching the internet: which techniques a method offers, homework a client can
 * understand, the measures that track it, and the words that show it was used in a session.
 * A practice can add its own file; this schema is what it must satisfy.
 */

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lower-case-with-hyphens id');

/** Plain words, kept short: shown to clinicians, and homework is shown to clients. */
const Text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A word or phrase that signals the framework in a transcript or note. Lower case, letters,
 * digits, spaces, hyphens and apostrophes only, so the matcher can build its pattern without
 * escaping and can tolerate spelling variants (see electron/core/frameworks/match.ts).
 */
export const Cue = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9' -]*[a-z0-9])?$/,
    'a lower-case word or phrase (letters, digits, spaces, hyphens, apostrophes)',
  )
  .max(60);

export const FrameworkTechnique = z.object({
  id: Id,
  name: Text(80),
  /** One line. */
  description: Text(200),
  /** Words that signal this technique in particular; they also count for the framework. */
  cues: z.array(Cue).default([]),
});
export type FrameworkTechnique = z.infer<typeof FrameworkTechnique>;

export const MEASURE_KINDS = ['questionnaire', 'rating', 'diary', 'log'] as const;

export const FrameworkMeasure = z.object({
  id: Id,
  name: Text(80),
  kind: z.enum(MEASURE_KINDS),
  /** What it measures, in plain words (never a diagnosis). */
  whatItMeasures: Text(200),
});
export type FrameworkMeasure = z.infer<typeof FrameworkMeasure>;

export const FrameworkHomework = z.object({
  id: Id,
  /** Written for the client: plain language, second person. */
  text: Text(240),
  /** The technique it practises, an id in the same file's techniques. */
  techniqueId: Id.optional(),
  /** The measure it tracks, an id in the same file's measures. */
  measureId: Id.optional(),
});
export type FrameworkHomework = z.infer<typeof FrameworkHomework>;

/** Ids that must be unique within one list, and references that must point into a list. */
function checkReferences(framework: FrameworkShape, ctx: z.RefinementCtx): void {
  const unique = (label: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `${label} "${id}" is repeated` });
      seen.add(id);
    }
    return seen;
  };
  const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
  const techniques = unique('technique id', ids(framework.techniques));
  const measures = unique('measure id', ids(framework.measures));
  unique('homework id', ids(framework.typicalHomework));
  // A cue belongs to one place, so a hit is credited to one technique (or the framework).
  unique('cue', [...framework.cues, ...framework.techniques.flatMap((t) => t.cues)]);
  for (const homework of framework.typicalHomework) {
    if (homework.techniqueId && !techniques.has(homework.techniqueId))
      ctx.addIssue({
        code: 'custom',
        message: `homework "${homework.id}" names the technique "${homework.techniqueId}", which is not in this file`,
      });
    if (homework.measureId && !measures.has(homework.measureId))
      ctx.addIssue({
        code: 'custom',
        message: `homework "${homework.id}" names the measure "${homework.measureId}", which is not in this file`,
      });
  }
}

const FrameworkShape = z.object({
  id: Id,
  name: Text(80),
  /** The short form clinicians use: CBT, DBT, ERP. */
  shortName: Text(20),
  version: z.number().int().positive(),
  /** What it is, in plain words. */
  description: Text(300),
  whenToUse: z.array(Text(160)).min(1),
  techniques: z.array(FrameworkTechnique).min(1),
  typicalHomework: z.array(FrameworkHomework),
  measures: z.array(FrameworkMeasure),
  /** Words that signal the framework as a whole (its name, its vocabulary). */
  cues: z.array(Cue).min(1),
  /** Made for work with a couple (the couples workflow offers these first). */
  forCouples: z.boolean(),
  /** Public books or organisations the content follows. */
  sources: z.array(Text(300)).min(1),
});
type FrameworkShape = z.infer<typeof FrameworkShape>;

export const Framework = FrameworkShape.superRefine(checkReferences);
export type Framework = z.infer<typeof Framework>;
