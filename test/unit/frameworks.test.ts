import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  Framework,
  FrameworkFileError,
  frameworksDir,
  getFramework,
  loadFrameworks,
} from '../../electron/core/frameworks/library';
import { cuePattern, matchFrameworks } from '../../electron/core/frameworks/match';
import { PermanentError, ValidationError } from '../../electron/core/errors';
import { makeTempDir } from '../helpers/fixtures';

const REQUIRED = [
  'cbt',
  'dbt',
  'act',
  'mi',
  'eft',
  'gottman',
  'behavioural-activation',
  'exposure-erp',
  'solution-focused',
  'mbct',
  'safety-planning',
  'cbt-i',
];

describe('the shipped framework library', () => {
  const frameworks = loadFrameworks();

  it('validates every file in resources/frameworks', () => {
    const files = readdirSync(frameworksDir()).filter((file) => file.endsWith('.json'));
    expect(files).toHaveLength(frameworks.length);
    for (const file of files) {
      const parsed = Framework.safeParse(
        JSON.parse(readFileSync(path.join(frameworksDir(), file), 'utf8')),
      );
      expect(parsed.success, `${file}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('ships the frameworks the workflows rely on, each id once', () => {
    const ids = frameworks.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(REQUIRED));
    expect(getFramework('gottman')?.forCouples).toBe(true);
    expect(getFramework('eft')?.forCouples).toBe(true);
    expect(getFramework('cbt')?.forCouples).toBe(false);
    expect(getFramework('no-such-framework')).toBeUndefined();
  });

  it('gives each framework enough to work with: techniques, homework, measures, cues, sources', () => {
    for (const f of frameworks) {
      const counts = {
        techniques: f.techniques.length >= 3,
        homework: f.typicalHomework.length >= 2,
        measures: f.measures.length >= 1,
        cues: f.cues.length >= 5,
        sources: f.sources.length >= 1,
      };
      expect(counts, f.id).toEqual({
        techniques: true,
        homework: true,
        measures: true,
        cues: true,
        sources: true,
      });
    }
  });

  it('keeps every technique and homework id unique within its framework', () => {
    for (const f of frameworks) {
      for (const ids of [f.techniques.map((t) => t.id), f.typicalHomework.map((h) => h.id)])
        expect(new Set(ids).size, f.id).toBe(ids.length);
    }
  });

  it('is read once: a second load returns the same objects', () => {
    expect(loadFrameworks()).toBe(frameworks);
  });
});

describe('matchFrameworks', () => {
  it('finds CBT and its thought record in a note', () => {
    const text = 'We filled in a thought record about the catastrophising.';
    const [top, ...rest] = matchFrameworks(text);
    expect(top?.id).toBe('cbt');
    expect(top?.hits).toBe(2);
    expect(top?.techniques).toEqual([{ id: 'thought-record', name: 'Thought record', hits: 1 }]);
    expect(rest.every((m) => m.hits < (top?.hits ?? 0))).toBe(true);
    // Offsets point at the cue as written in the text.
    for (const hit of top?.cueHits ?? [])
      expect(text.slice(hit.start, hit.end).toLowerCase()).toBe(hit.cue);
    expect(top?.cueHits.map((h) => [h.cue, h.start])).toEqual([
      ['thought record', text.indexOf('thought record')],
      ['catastrophising', text.indexOf('catastrophising')],
    ]);
  });

  it('finds Gottman in a couples session about the four horsemen and repair attempts', () => {
    const text =
      'The couple named the Four Horsemen in their last fight, and we practised repair ' +
      'attempts so either partner can slow things down.';
    const [top] = matchFrameworks(text);
    expect(top?.id).toBe('gottman');
    expect(top?.cues).toEqual(['four horsemen', 'repair attempt']);
    expect(top?.techniques.map((t) => t.id).sort()).toEqual(['antidotes', 'repair-attempts']);
    const horsemen = top?.cueHits[0];
    expect(horsemen && text.slice(horsemen.start, horsemen.end)).toBe('Four Horsemen');
    // The plural is found; the offsets cover it.
    const repair = top?.cueHits[1];
    expect(repair && text.slice(repair.start, repair.end)).toBe('repair attempts');
    expect(repair?.found).toBe('repair attempts');
  });

  it('finds nothing in an unrelated sentence', () => {
    expect(matchFrameworks('We talked about the weather and the bus.')).toEqual([]);
    expect(matchFrameworks('')).toEqual([]);
  });

  it('counts every hit and ranks by hits', () => {
    const text =
      'Sleep diary reviewed; sleep efficiency 78%. We set a sleep window and kept the ' +
      'thought record going.';
    const matches = matchFrameworks(text);
    expect(matches.map((m) => [m.id, m.hits])).toEqual([
      ['cbt-i', 3],
      ['cbt', 1],
    ]);
  });

  it('matches whole words only, in any case', () => {
    // "values" inside "valueset" and "exposure" inside "overexposure" are not cues.
    expect(matchFrameworks('the valueset and overexposure')).toEqual([]);
    expect(matchFrameworks('WISE MIND')[0]?.id).toBe('dbt');
  });

  it('finds American spellings and unhyphenated phrases of British cues', () => {
    const ids = (text: string) => matchFrameworks(text).map((m) => m.id);
    expect(ids('we started behavioral activation')).toContain('behavioural-activation');
    expect(ids('she was catastrophizing again')).toContain('cbt');
    expect(ids('classic all or nothing thinking')).toContain('cbt');
    expect(ids('we built her fear hierarchies')).toContain('exposure-erp');
    expect(ids('the client’s bull’s eye')).toContain('act');
  });

  it('builds one pattern per cue that tolerates spelling, separators and plurals', () => {
    const pattern = new RegExp(`^${cuePattern('exposure hierarchy')}$`, 'i');
    expect(pattern.test('exposure-hierarchies')).toBe(true);
    expect(pattern.test('exposure hierarchy')).toBe(true);
    expect(pattern.test('exposurehierarchy')).toBe(false);
    expect(new RegExp(`^${cuePattern('phq-9')}$`).test('phq9')).toBe(true);
  });

  it('stays fast on a long transcript', () => {
    const text = 'We reviewed the thought record and the weather. '.repeat(2000);
    const started = performance.now();
    const [top] = matchFrameworks(text);
    expect(top?.hits).toBe(2000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('a framework file that cannot be used', () => {
  const temps: (() => void)[] = [];
  afterEach(() => temps.splice(0).forEach((remove) => remove()));

  /** A resources folder holding the shipped library plus one file of the test's making. */
  function resourcesWith(file: string, content: string): string {
    const { dir, remove } = makeTempDir('cairn-frameworks-');
    temps.push(remove);
    cpSync(frameworksDir(), path.join(dir, 'frameworks'), { recursive: true });
    writeFileSync(path.join(dir, 'frameworks', file), content);
    return dir;
  }

  const loadError = (resourcesDir: string): unknown => {
    try {
      loadFrameworks(resourcesDir);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('is a typed validation error naming the file and the field', () => {
    const broken = { ...getFramework('cbt'), id: 'practice-cbt', techniques: [] };
    const error = loadError(resourcesWith('practice-cbt.json', JSON.stringify(broken)));
    expect(error).toBeInstanceOf(FrameworkFileError);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'framework_invalid', file: 'practice-cbt.json' });
    expect((error as Error).message).toContain('practice-cbt.json');
    expect((error as Error).message).toContain('techniques');
  });

  it('names a file that is not JSON at all', () => {
    const error = loadError(resourcesWith('broken.json', '{ "id": "broken", '));
    expect(error).toMatchObject({ code: 'framework_invalid', file: 'broken.json' });
    expect((error as Error).message).toMatch(/broken\.json could not be read as JSON/);
  });

  it('refuses a homework that names a measure the file does not have', () => {
    const cbt = getFramework('cbt');
    const broken = {
      ...cbt,
      id: 'practice-x',
      typicalHomework: [{ id: 'h1', text: 'Fill it in.', measureId: 'nope' }],
    };
    const error = loadError(resourcesWith('practice-x.json', JSON.stringify(broken)));
    expect((error as Error).message).toContain('the measure "nope"');
  });

  it('refuses a file not named after its id, which keeps ids unique', () => {
    const error = loadError(resourcesWith('copy.json', JSON.stringify(getFramework('cbt'))));
    expect(error).toMatchObject({ code: 'framework_invalid', file: 'copy.json' });
    expect((error as Error).message).toContain('must be named cbt.json');
  });

  it('reports a missing library as a damaged install', () => {
    const { dir, remove } = makeTempDir('cairn-frameworks-');
    temps.push(remove);
    mkdirSync(path.join(dir, 'other'));
    expect(loadError(dir)).toBeInstanceOf(PermanentError);
  });

  it('loads a practice’s own well-formed file beside the shipped ones', () => {
    const own = { ...getFramework('cbt'), id: 'practice-cbt', name: 'Our CBT' };
    const frameworks = loadFrameworks(resourcesWith('practice-cbt.json', JSON.stringify(own)));
    expect(frameworks.map((f) => f.id)).toContain('practice-cbt');
  });
});
