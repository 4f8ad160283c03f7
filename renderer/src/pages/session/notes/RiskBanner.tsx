import type { RiskFlag } from '../../../../../shared/api/schemas';
import { useApi } from '../../../api/context';

const LABELS: Record<string, string> = {
  suicidal_ideation_passive: 'Passive suicidal ideation',
  suicidal_ideation_active: 'Active suicidal ideation',
  intent_or_plan: 'Intent or plan',
  self_harm: 'Self-harm',
  harm_to_others: 'Harm to others',
  abuse_or_neglect: 'Abuse or neglect',
  substance_crisis: 'Substance-use crisis',
};

/**
 * Every risk flag with its evidence, one click from the recording, and an acknowledge action.
 * Approval stays blocked (in the core, not only here) until each is acknowledged.
 */
export function RiskBanner({
  flags,
  onSeekSegment,
}: {
  flags: RiskFlag[];
  onSeekSegment: (segmentId: string) => void;
}) {
  const api = useApi();
  if (flags.length === 0) return null;
  const open = flags.filter((f) => f.acknowledgedAt === null).length;
  return (
    <section
      className={`risk-banner${open > 0 ? ' open' : ''}`}
      role="region"
      aria-label="Risk flags"
      data-testid="risk-banner"
    >
      <h2>
        {open > 0 ? `${open} risk flag${open === 1 ? '' : 's'} to review` : 'Risk flags reviewed'}
        {open > 0 && (
          <span className="muted risk-hint">
            {' '}
            · press <kbd className="kbd">N</kbd> to go to the next
          </span>
        )}
      </h2>
      <ul>
        {flags.map((flag) => (
          <li
            key={flag.id}
            data-testid="risk-flag"
            data-kind={flag.kind}
            data-flag-id={flag.id}
            tabIndex={-1}
          >
            <div className="risk-flag-text">
              <strong>{LABELS[flag.kind] ?? flag.kind}</strong>{' '}
              <span className="muted">
                ({flag.severity}; found by {flag.sources.join(' and ') || 'scanner'})
              </span>
              {flag.quotes[0] && <q>{flag.quotes[0]}</q>}
            </div>
            <div className="risk-flag-actions">
              {flag.segmentIds[0] && (
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => onSeekSegment(flag.segmentIds[0] ?? '')}
                >
                  Listen
                </button>
              )}
              {flag.acknowledgedAt === null ? (
                <button
                  type="button"
                  className="btn btn-secondary btn-sm"
                  data-action="acknowledge"
                  onClick={() => void api.call('riskFlags.acknowledge', { id: flag.id })}
                >
                  Acknowledge
                </button>
              ) : (
                <span className="muted">acknowledged by {flag.acknowledgedBy}</span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
