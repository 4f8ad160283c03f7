import { SEARCH_SOURCES } from '../../../../shared/api/search-schemas';
import { SESSION_KINDS } from '../../../../shared/domain/enums';
import { useQuery } from '../../api/use-query';
import { Select, type SelectOption } from '../../ui/Select';
import type { SearchForm } from './search-form';
import { KIND_WORDS, SOURCE_WORDS } from './search-words';

const CLIENTS_REFRESH_ON = ['clients.changed'] as const;
const TEMPLATES_REFRESH_ON = [] as const;

const SORT_OPTIONS = [
  { value: 'relevance', label: 'Most relevant first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'newest', label: 'Newest first' },
] as const;

const RISK_OPTIONS = [
  { value: '', label: 'With or without' },
  { value: 'yes', label: 'With a risk flag' },
  { value: 'no', label: 'Without a risk flag' },
] as const;

/**
 * The filters and the order, each a native labelled control (Tab reaches each, arrows choose):
 * client, session days from and to, where (transcripts, notes, plans, briefs), session kind,
 * note template, risk flag. Every change is the whole form again, so the owner holds one state.
 */
export function SearchFilters({
  form,
  onChange,
}: {
  form: SearchForm;
  onChange: (form: SearchForm) => void;
}) {
  const clients = useQuery(
    'search-clients',
    (api) => api.call('clients.list', {}),
    CLIENTS_REFRESH_ON,
  );
  const templates = useQuery(
    'search-templates',
    (api) => api.call('templates.list', {}),
    TEMPLATES_REFRESH_ON,
  );
  // A session day bound; each bound keeps the other from crossing it.
  const day = (label: string, key: 'from' | 'to', bound: { min?: string; max?: string }) => (
    <label>
      {label}
      <input
        type="date"
        value={form[key]}
        {...bound}
        onChange={(event) => onChange({ ...form, [key]: event.target.value })}
      />
    </label>
  );
  // A labelled native select over one of the form's choices; the options are the only values.
  const choice = (label: string, key: ChoiceKey, options: readonly SelectOption[]) => (
    <label>
      {label}
      <Select
        value={form[key]}
        onChange={(event) => onChange({ ...form, [key]: event.target.value })}
        options={options}
      />
    </label>
  );
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="visually-hidden">Filters</legend>
      {choice('Client', 'clientId', [
        { value: '', label: 'All clients' },
        ...(clients.status === 'ready'
          ? clients.data.map((client) => ({ value: client.id, label: client.name }))
          : []),
      ])}
      {day('From', 'from', { max: form.to || undefined })}
      {day('To', 'to', { min: form.from || undefined })}
      {choice('Where', 'source', [
        { value: '', label: 'Everywhere' },
        ...SEARCH_SOURCES.map((source) => ({ value: source, label: SOURCE_WORDS[source] })),
      ])}
      {choice('Kind', 'kind', [
        { value: '', label: 'Any kind' },
        ...SESSION_KINDS.map((kind) => ({ value: kind, label: KIND_WORDS[kind] })),
      ])}
      {choice('Template', 'templateId', [
        { value: '', label: 'Any template' },
        ...(templates.status === 'ready'
          ? templates.data.map((template) => ({ value: template.id, label: template.name }))
          : []),
      ])}
      {choice('Risk flag', 'risk', RISK_OPTIONS)}
      {choice('Order', 'sort', SORT_OPTIONS)}
    </fieldset>
  );
}

/** The form's fields a select chooses (the dates are date fields, the words a text field). */
type ChoiceKey = 'clientId' | 'source' | 'kind' | 'templateId' | 'risk' | 'sort';
