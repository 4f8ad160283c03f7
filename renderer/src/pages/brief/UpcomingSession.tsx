import { Link } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/schemas';
import { Badge } from '../../ui/Badge';
import { BriefPanel } from './BriefPanel';

/**
 * A planned session, nothing recorded yet: who and when, and the brief that prepares for it. (A
 * recording is imported as a session of its own today; recording into this one comes with capture.)
 */
export function UpcomingSession({ session }: { session: SessionDetail }) {
  return (
    <section className="desk upcoming-session">
      <header className="desk-header">
        <div className="desk-title">
          <Link to="/" className="desk-back">
            ← Sessions
          </Link>
          <h1>{session.clientName ?? 'Unassigned client'}</h1>
          <span className="muted">{session.date}</span>
          <Badge tone="info" data-testid="desk-status">
            Upcoming
          </Badge>
        </div>
      </header>
      <BriefPanel session={session} />
    </section>
  );
}
