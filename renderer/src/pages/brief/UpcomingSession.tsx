import { Link } from 'react-router';
import type { SessionDetail } from '../../../../shared/api/schemas';
import { Badge } from '../../ui/Badge';
import { CouplesPanel } from '../couples/CouplesPanel';
import { BriefPanel } from './BriefPanel';

/**
 * A planned session, nothing recorded yet: who and when, and the brief that prepares for it (for a
 * couple's joint session, the couples work and its joint summary instead: a partner's individual
 * brief does not belong on it). (A recording is imported as a session of its own today; recording
 * into this one comes with capture.)
 */
export function UpcomingSession({ session }: { session: SessionDetail }) {
  return (
    <section className="desk upcoming-session">
      <header className="desk-header">
        <div className="desk-title">
          <Link to="/" className="desk-back">
            ← Sessions
          </Link>
          <h1>
            {session.kind === 'couple' ? 'Joint session: ' : ''}
            {session.clientName ?? 'Unassigned client'}
          </h1>
          <span className="muted">{session.date}</span>
          <Badge tone="info" data-testid="desk-status">
            Upcoming
          </Badge>
        </div>
      </header>
      {session.kind === 'couple' && session.clientId ? (
        <CouplesPanel clientId={session.clientId} />
      ) : (
        <BriefPanel session={session} />
      )}
    </section>
  );
}
