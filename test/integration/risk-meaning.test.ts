import { describe, expect, it } from 'vitest';
import { scanRisk } from '../../electron/core/notes/risk/scan-risk';
import { scanRiskWithMeaning } from '../../electron/core/notes/risk/scan-risk-with-meaning';
import { findEncoderFiles } from '../../electron/core/notes/risk/semantic/encoder-files';

/**
 * The risk scan the pipeline runs: the rules and the real sentence encoder (bge-small-en-v1.5 int8,
 * placed by npm run build:models, which fetch:test-models runs) in a child process. One scan of one
 * transcript carries every case, so the encoder loads once for the file.
 */
const segments = [
  // A hidden-session style disclosure, as a recogniser writes it: lower case, no full stops, a
  // misheard verb, and passive ideation followed by a denial of any plan.
  {
    id: 'passive',
    speaker: 'Client',
    text: "honestly some nights i lie there and think it would be easier if i just didn't wake up but no i don't have a plan i would never actually do anything",
  },
  { id: 'misheard', speaker: 'Client', text: "and i've been birding myself on my arms again" },
  // Said about the speaker in words no rule names.
  {
    id: 'meaning-only',
    speaker: 'Client',
    text: 'i think my family would do better without me',
  },
  // Comfort to someone else, a clinician's question and an ordinary figure of speech: no flag.
  {
    id: 'comfort',
    speaker: 'Client',
    text: 'I told my sister that suicide is never the answer and that we love her',
  },
  { id: 'question', speaker: 'Clinician', text: 'have you had any thoughts of ending your life' },
  { id: 'figure', speaker: 'Client', text: 'that meeting was so long it nearly killed me' },
];

describe('the risk scan with its meaning layer', () => {
  it('flags passive ideation despite a denied plan, misheard self-harm and risk no rule names, and nothing else', async () => {
    expect(findEncoderFiles(), 'run npm run build:models').toBeDefined();
    const scan = await scanRiskWithMeaning(segments);
    expect(scan.meaning).toBe('used');
    expect(scan.warning).toBeUndefined();
    const at = (id: string) => scan.hits.filter((hit) => hit.segmentId === id);

    expect(at('passive').map((hit) => hit.category)).toContain('suicidal_ideation_passive');
    expect(at('passive').map((hit) => hit.category)).not.toContain('intent_or_plan');
    expect(at('misheard').map((hit) => [hit.category, hit.quote])).toContainEqual([
      'self_harm',
      'birding myself',
    ]);
    const meaningOnly = at('meaning-only');
    expect(
      scanRisk(segments.filter((s) => s.id === 'meaning-only')).length,
      'a rule names it: pick another sentence',
    ).toBe(0);
    expect(meaningOnly.length).toBeGreaterThan(0);
    // A meaning hit quotes the words that were said, exactly.
    for (const hit of scan.hits) {
      const text = segments.find((s) => s.id === hit.segmentId)?.text ?? '';
      expect(text).toContain(hit.quote);
    }
    for (const id of ['comfort', 'question', 'figure'])
      expect(
        at(id).filter((hit) => hit.subject === 'self'),
        id,
      ).toEqual([]);

    // The same transcript again is answered from the cache, identically.
    expect((await scanRiskWithMeaning(segments)).hits).toEqual(scan.hits);
  });

  it('scans with the rules alone, and says so, when the encoder is not installed', async () => {
    const scan = await scanRiskWithMeaning(segments, { encoder: null });
    expect(scan.meaning).toBe('not_installed');
    expect(scan.warning).toMatch(/rules alone/);
    expect(scan.hits).toEqual(scanRisk(segments));
  });

  it('scans with the rules alone, and says so, when the encoder cannot run', async () => {
    const broken = { model: '/nonexistent/model.onnx', tokenizer: '/nonexistent/tokenizer.json' };
    const scan = await scanRiskWithMeaning(segments, { encoder: broken });
    expect(scan.meaning).toBe('failed');
    expect(scan.warning).toMatch(/rules alone/);
    expect(scan.hits).toEqual(scanRisk(segments));
  });
});
