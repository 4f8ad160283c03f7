import type { ParticipantSummary } from '../../../../shared/api/group-schemas';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';

const ORIGIN_WORDS = {
  ai: 'written by the model',
  extractive: 'their own words',
  clinician: 'yours',
};

/**
 * One participant's summary: whose it is, how it was written, what the isolation check left out,
 * each statement with the words of theirs it rests on, and its own approval.
 */
export function ParticipantSummaryCard({
  summary,
  heading,
  onApprove,
}: {
  summary: ParticipantSummary;
  /** What the card is titled by: the participant's name on the desk, the session on a client's page. */
  heading: string;
  onApprove?: () => void;
}) {
  const { generation } = summary;
  const titleId = `participant-summary-${summary.id}`;
  const approved = summary.status === 'approved';
  return (
    <article
      className="participant-summary"
      aria-labelledby={titleId}
      data-testid="participant-summary"
      data-client-id={summary.clientId}
    >
      <h3 id={titleId}>
        {heading}{' '}
        <Badge tone={approved ? 'success' : 'neutral'}>{approved ? 'Approved' : 'Draft'}</Badge>
      </h3>
      <p className="muted">
        {generation.mode === 'model'
          ? `Written with ${generation.model} from their own turns, checked against the transcript.`
          : `Chosen by Cairn's rules from their own turns, no model: ${generation.reason}`}
      </p>
      {generation.notice && <p className="participant-notice">{generation.notice}</p>}
      {summary.content.sections
        .filter((section) => section.items.length > 0)
        .map((section) => (
          <section key={section.key} aria-label={section.title}>
            <h4>{section.title}</h4>
            <ul>
              {section.items.map((item, index) => (
                <li key={index}>
                  {item.text}
                  {item.quote && item.quote !== item.text && (
                    <blockquote className="participant-quote">“{item.quote}”</blockquote>
                  )}
                  <span className="visually-hidden"> ({ORIGIN_WORDS[item.origin]})</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      {approved ? (
        <p className="muted">
          Approved by {summary.approvedBy}
          {summary.approvedAt ? ` on ${new Date(summary.approvedAt).toLocaleDateString()}` : ''}.
        </p>
      ) : (
        onApprove && (
          <Button size="sm" variant="secondary" onClick={onApprove}>
            Approve<span className="visually-hidden"> the summary of {summary.clientName}</span>
          </Button>
        )
      )}
    </article>
  );
}
