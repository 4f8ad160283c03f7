/**
 * De-identification: recall and precision per category on the main (tuned-on) and held-out
 * labelled sets, and throughput — sentence by sentence, and as one long payload such as a whole
 * session's note. It runs on every payload before upload, so its cost per 1,000 words matters.
 * Figures only; the acceptance test (test/unit/deidentify-eval.test.ts) asserts.
 */
import { findIdentifiers } from '../../electron/core/sync/deidentify';
import { HELD_OUT_SET } from '../fixtures/deidentify/held-out';
import { MAIN_SET } from '../fixtures/deidentify/main-set';
import { parseSentence } from '../fixtures/deidentify/markup';
import { evaluate, reportTable, type Detect } from '../fixtures/deidentify/score';
import { COUNTRIES, US_STATES, inList } from '../../electron/core/sync/deidentify/lexicon';
import { isCountryOrDemonym } from '../../electron/core/sync/deidentify/word-lists';
import { loadPresidioSentences } from '../fixtures/public/presidio-deid';
import { scorePublicDeid } from '../fixtures/public/score-public-deid';
import { deidTranscriptSpeed } from './deid-transcript';
import { median } from './measure';

const PASSES = 5;
const detect: Detect = (text, knownNames) => findIdentifiers(text, { knownNames });
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
const round2 = (value: number) => Math.round(value * 100) / 100;

const pct = (part: number, whole: number) =>
  whole === 0 ? '–' : `${Math.round((part / whole) * 1000) / 10} %`;

/** Presidio's public sentences first: written by others, the figure that means something. */
function publicFigures() {
  const sentences = loadPresidioSentences({
    // States by the lexicon's list; countries and nationality adjectives by the full ISO 3166 list
    // (18 languages, from i18n-iso-countries) and i18n-nationality, not a hand list.
    isStateOrCountry: (text) =>
      inList(US_STATES, text) || inList(COUNTRIES, text) || isCountryOrDemonym(text),
  });
  const report = scorePublicDeid(sentences, (text) => findIdentifiers(text));
  console.log(`public: Presidio sentences (presidio-research, MIT), ${sentences.length} sentences`);
  printPublic(report);
  // The same sentences as a recogniser without capitals writes them ("tracy sukhorukova lives in
  // tacoma"): same offsets, so the same gold spans.
  const lower = sentences.map((s) => ({
    text: s.text.toLowerCase(),
    gold: s.gold.map((g) => ({ ...g, text: g.text.toLowerCase() })),
  }));
  console.log('public: the same sentences all in lower case (speech without capitals)');
  printPublic(scorePublicDeid(lower, (text) => findIdentifiers(text)));
  return report;
}

function printPublic(report: ReturnType<typeof scorePublicDeid>) {
  console.table(
    report.perCategory.map((c) => ({
      category: c.category,
      gold: c.gold,
      removed: pct(c.removed, c.gold),
      'fully removed': pct(c.fullyRemoved, c.gold),
      'same category': pct(c.sameCategory, c.gold),
    })),
  );
  console.log(
    `precision ${pct(report.correct, report.predicted - report.neutral)} ` +
      `(${report.falseFlags.length} false flags; ${report.neutral} on words Safe Harbor lets stay)`,
  );
  return report;
}

export function deidBenchmark() {
  // First, while nothing has loaded the word lists: its first pass is what a fresh app pays.
  const transcript = deidTranscriptSpeed();
  const publicReport = publicFigures();
  const main = evaluate(MAIN_SET, detect);
  console.log(`main set (tuned on): ${main.sentences} sentences`);
  console.table(reportTable(main));
  const heldOut = evaluate(HELD_OUT_SET, detect);
  console.log(`held-out set (not tuned on): ${heldOut.sentences} sentences`);
  console.table(reportTable(heldOut));

  const sentences = [...MAIN_SET, ...HELD_OUT_SET].map(parseSentence);
  const words = sentences.reduce((total, s) => total + wordCount(s.text), 0);
  for (const s of sentences) findIdentifiers(s.text, { knownNames: s.knownNames }); // warm-up

  const perSentenceMs: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    for (const s of sentences) findIdentifiers(s.text, { knownNames: s.knownNames });
    perSentenceMs.push(performance.now() - started);
  }
  const sentencePassMs = median(perSentenceMs);

  // One payload: every sentence as one text, with every session's names as the dictionary.
  const payload = sentences.map((s) => s.text).join(' ');
  const allNames = [...new Set(sentences.flatMap((s) => s.knownNames))];
  const payloadMs: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    const started = performance.now();
    findIdentifiers(payload, { knownNames: allNames });
    payloadMs.push(performance.now() - started);
  }
  const payloadPassMs = median(payloadMs);

  const throughput = {
    sentences: sentences.length,
    words,
    sentencesPerSecond: Math.round(sentences.length / (sentencePassMs / 1000)),
    msPer1000WordsSentenceBySentence: round2((sentencePassMs / words) * 1000),
    msPer1000WordsOnePayload: round2((payloadMs.length ? payloadPassMs / words : 0) * 1000),
    passes: PASSES,
  };
  console.table([throughput]);
  return {
    public: {
      perCategory: publicReport.perCategory,
      predicted: publicReport.predicted,
      correct: publicReport.correct,
      neutral: publicReport.neutral,
      misses: publicReport.misses.map((m) => ({ text: m.text, gold: m.gold })),
      falseFlags: publicReport.falseFlags,
    },
    main: { overall: main.overall, perCategory: main.perCategory },
    heldOut: { overall: heldOut.overall, perCategory: heldOut.perCategory },
    throughput,
    transcript,
  };
}
