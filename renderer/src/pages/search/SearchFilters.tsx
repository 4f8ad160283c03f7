import { SEARCH_SOURCES } from '../../../../shared/api/search-schemas';
import { SESSION_KINDS } from '../../../../shared/domain/enums';
import { useQuery } from '../../api/use-query';
import { Select } from '../../ui/Select';
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
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) =>
    onChange({ ...form, [key]: value });
  return (
    <fieldset className="search-filters" data-testid="search-filters">
      <legend className="visually-hidden">Filters</legend>
      <label>
        Client
        <Select value={form.clientId} onChange={(event) => set('clientId', event.target.value)}>
          <option value="">All clients</option>
          {clients.status === 'ready' &&
            clients.data.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
        </Select>
      </label>
      <label>
        From
        <input
          type="date"
          value={form.from}
          max={form.to || undefined}
          onChange={(event) => set('from', event.target.value)}
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={form.to}
          min={form.from || undefined}
          onChange={(event) => set('to', event.target.value)}
        />
      </label>
      <label>
        Where
        <Select
          value={form.source}
          onChange={(event) => set('source', event.target.value as SearchForm['source'])}
          options={[
            { value: '', label: 'Everywhere' },
            ...SEARCH_SOURCES.map((source) => ({ value: source, label: SOURCE_WORDS[source] })),
          ]}
        />
      </label>
      <label>
        Kind
        <Select
          value={form.kind}
          onChange={(event) => set('kind', event.target.value as SearchForm['kind'])}
          options={[
            { value: '', label: 'Any kind' },
            ...SESSION_KINDS.map((kind) => ({ value: kind, label: KIND_WORDS[kind] })),
          ]}
        />
      </label>
      <label>
        Template
        <Select value={form.templateId} onChange={(event) => set('templateId', event.target.value)}>
          <option value="">Any template</option>
          {templates.status === 'ready' &&
            templates.data.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
              </option>
            ))}
        </Select>
      </label>
      <label>
        Risk flag
        <Select
          value={form.risk}
          onChange={(event) => set('risk', event.target.value as SearchForm['risk'])}
          options={RISK_OPTIONS}
        />
      </label>
      <label>
        Order
        <Select
          value={form.sort}
          onChange={(event) => set('sort', event.target.value as SearchForm['sort'])}
          options={SORT_OPTIONS}
        />
      </label>
    </fieldset>
  );
}
