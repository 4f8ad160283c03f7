import type { MethodInput } from '../../../../shared/api/contract';
import {
  SEARCH_SORTS,
  SEARCH_SOURCES,
  type SearchSort,
  type SearchSource,
} from '../../../../shared/api/search-schemas';
import { SESSION_KINDS, type SessionKind } from '../../../../shared/domain/enums';

/**
 * What the clinician asked for, as the palette's and the results page's controls hold it: plain
 * strings, so a form control binds to each directly and the URL carries them as they are
 * (`/search?q=sleep&client=…&from=2026-01-01`), and a reload or a shared link asks the same.
 */
export interface SearchForm {
  q: string;
  clientId: string;
  /** Session days, YYYY-MM-DD as a date field gives them; empty for no bound. */
  from: string;
  to: string;
  /** One source, or '' for everywhere. */
  source: SearchSource | '';
  kind: SessionKind | '';
  templateId: string;
  /** 'yes' only sessions with a risk flag, 'no' only without, '' either. */
  risk: '' | 'yes' | 'no';
  sort: SearchSort;
}

export const EMPTY_FORM: SearchForm = {
  q: '',
  clientId: '',
  from: '',
  to: '',
  source: '',
  kind: '',
  templateId: '',
  risk: '',
  sort: 'relevance',
};

/** Results per page on the full page; the palette shows the first few of the same query. */
export const PAGE_SIZE = 20;

/**
 * A day as the core's filters count it: the day's midnight in UTC, the same instant wherever the
 * desk runs, so "from the 3rd" never slips to the 2nd in a timezone west of Greenwich.
 */
export function dayToEpoch(day: string): number | undefined {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(at) ? undefined : at;
}

/** The other way: a hit's day (epoch ms) as the desk writes dates, YYYY-MM-DD. */
export function epochToDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

export type SearchQuery = MethodInput<'search.query'>;

/** The API's input for a form and a page (1-based): hybrid, words and meaning together. */
export function formToInput(form: SearchForm, limit: number, page = 1): SearchQuery {
  const from = form.from ? dayToEpoch(form.from) : undefined;
  const to = form.to ? dayToEpoch(form.to) : undefined;
  return {
    query: form.q.trim(),
    mode: 'hybrid',
    sort: form.sort,
    limit,
    offset: (page - 1) * limit,
    filters: {
      ...(form.clientId && { clientId: form.clientId }),
      ...(from !== undefined && { from }),
      ...(to !== undefined && { to }),
      ...(form.source && { sources: [form.source] }),
      ...(form.kind && { sessionKinds: [form.kind] }),
      ...(form.templateId && { templateId: form.templateId }),
      ...(form.risk && { hasRisk: form.risk === 'yes' }),
    },
  };
}

/** The full page's URL for a form: only what differs from the defaults, page 1 left out. */
export function formToSearch(form: SearchForm, page = 1): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(EMPTY_FORM) as (keyof SearchForm)[])
    if (form[key] !== EMPTY_FORM[key]) params.set(key, form[key]);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

/**
 * A form from the URL. A value the controls do not offer (a hand-edited link) is dropped, not
 * sent: the page asks what it can show.
 */
export function formFromParams(params: URLSearchParams): { form: SearchForm; page: number } {
  const get = (key: keyof SearchForm) => params.get(key) ?? '';
  const oneOf = <T extends string>(
    value: string,
    allowed: readonly T[],
    fallback: T | '',
  ): T | '' => ((allowed as readonly string[]).includes(value) ? (value as T) : fallback);
  const day = (value: string) => (dayToEpoch(value) === undefined ? '' : value);
  const risk = get('risk');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    form: {
      q: get('q'),
      clientId: get('clientId'),
      from: day(get('from')),
      to: day(get('to')),
      source: oneOf(get('source'), SEARCH_SOURCES, ''),
      kind: oneOf(get('kind'), SESSION_KINDS, ''),
      templateId: get('templateId'),
      risk: risk === 'yes' || risk === 'no' ? risk : '',
      sort: oneOf(get('sort'), SEARCH_SORTS, 'relevance') || 'relevance',
    },
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}
