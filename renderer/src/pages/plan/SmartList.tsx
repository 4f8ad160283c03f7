import { Link } from 'react-router';
import {
  SMART_FIELDS,
  type PlanCitation,
  type Smart,
  type SmartField,
} from '../../../../shared/api/plan-schemas';
import { Badge } from '../../ui/Badge';

export const SMART_LABELS: Record<SmartField, string> = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  relevant: 'Relevant',
  timeBound: 'Time-bound',
};

/** A goal's five SMART parts and its measure; a part Cairn filled by default says so. */
export function SmartList({
  goal,
  toConfirm,
}: {
  goal: { smart: Smart; measure: string };
  toConfirm: readonly SmartField[];
}) {
  return (
    <dl className="plan-smart">
      {SMART_FIELDS.map((field) => (
        <div key={field}>
          <dt>{SMART_LABELS[field]}</dt>
          <dd>
            {goal.smart[field]}{' '}
            {toConfirm.includes(field) && <Badge tone="warning">To confirm</Badge>}
          </dd>
        </div>
      ))}
      <div>
        <dt>Measure</dt>
        <dd>{goal.measure}</dd>
      </div>
    </dl>
  );
}

/** The signed statements behind a change, each linking to its session. */
export function Citations({ citations }: { citations: readonly PlanCitation[] }) {
  if (citations.length === 0) return null;
  return (
    <ul className="plan-evidence" aria-label="From the signed notes">
      {citations.map((c) => (
        <li key={`${c.noteId}/${c.sectionKey}/${c.item}`}>
          <Link to={`/sessions/${c.sessionId}`}>{c.date}</Link> {c.sectionTitle}: “{c.text}”
        </li>
      ))}
    </ul>
  );
}
