import './couples.css';
import { useState } from 'react';
import type { CouplesSummary, PartnerLink } from '../../../../shared/api/couples-schemas';
import type { RunProgress } from '../../../../shared/api/schemas';
import { localToday } from '../../../../shared/domain/local-day';
import { useQuery } from '../../api/use-query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { QueryNotice } from '../../ui/QueryNotice';
import { Select } from '../../ui/Select';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { useCouples } from './use-couples';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Couples work on a client's page: link their partner (or unlink), prepare a joint-work summary
 * for the couple's joint session (a run with progress and time left), and read it. The summary is
 * made from both partners' themes only; its isolation check is shown as a calm line.
 */
export function CouplesPanel({ clientId }: { clientId: string }) {
  const couples = useCouples(clientId);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = (work: () => Promise<unknown>) =>
    work().then(
      () => setProblem(null),
      (error: unknown) => setProblem(messageOf(error)),
    );
  const { view } = couples;
  return (
    <section className="couples-panel" aria-labelledby="couples-title">
      <h2 id="couples-title">Couples work</h2>
      <QueryNotice state={view} />
      {view.status === 'ready' &&
        (view.data.link ? (
          <Linked
            clientId={clientId}
            link={view.data.link}
            onUnlink={() => void attempt(couples.unlink)}
            onPrepare={(date) => void attempt(() => couples.prepare(date))}
            live={couples.live}
            progress={couples.progress}
          />
        ) : (
          <LinkPartnerForm
            clientId={clientId}
            onLink={(partnerId) => void attempt(() => couples.link(partnerId))}
          />
        ))}
      {couples.latestRun?.status === 'failed' && (
        <Banner tone="danger" title="The joint summary could not be prepared">
          {couples.latestRun.errorMessage}
        </Banner>
      )}
      {problem && (
        <Banner tone="danger" title="That did not work">
          {problem}
        </Banner>
      )}
      {view.status === 'ready' && view.data.link && view.data.latest && (
        <JointSummaryView latest={view.data.latest} />
      )}
    </section>
  );
}

function LinkPartnerForm({
  clientId,
  onLink,
}: {
  clientId: string;
  onLink: (partnerId: string) => void;
}) {
  const clients = useQuery('clients', (api) => api.call('clients.list', {}), ['clients.changed']);
  const [partnerId, setPartnerId] = useState('');
  const others = clients.status === 'ready' ? clients.data.filter((c) => c.id !== clientId) : [];
  return (
    <form
      className="couples-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (partnerId) onLink(partnerId);
      }}
    >
      <p className="muted">No partner linked.</p>
      <label className="field-inline">
        Partner
        <Select
          value={partnerId}
          required
          onChange={(event) => setPartnerId(event.target.value)}
          options={[
            { value: '', label: 'Choose a client' },
            ...others.map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      </label>
      <Button type="submit" disabled={!partnerId}>
        Link partner
      </Button>
    </form>
  );
}

function Linked(props: {
  clientId: string;
  link: PartnerLink;
  onUnlink: () => void;
  onPrepare: (date: string) => void;
  live: boolean;
  progress: RunProgress | null;
}) {
  const { link, live, progress } = props;
  const partner = link.clientA.id === props.clientId ? link.clientB : link.clientA;
  const [confirming, setConfirming] = useState(false);
  const [date, setDate] = useState(localToday());
  return (
    <>
      <p className="couples-partner">
        Partner: <strong data-testid="couples-partner">{partner.name}</strong>{' '}
        <Button size="sm" variant="ghost" onClick={() => setConfirming(true)}>
          Unlink
        </Button>
      </p>
      <form
        className="couples-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onPrepare(date);
        }}
      >
        <label className="field-inline">
          Joint session day
          <input
            type="date"
            value={date}
            required
            onChange={(event) => setDate(event.target.value)}
          />
        </label>
        <Button type="submit" variant="primary" disabled={live}>
          Prepare joint summary
        </Button>
      </form>
      {live && <RunProgressLine label="Preparing the joint summary" progress={progress} />}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Unlink ${partner.name}?`}
        actions={
          <>
            <Button
              variant="danger"
              autoFocus
              onClick={() => {
                setConfirming(false);
                props.onUnlink();
              }}
            >
              Unlink
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </>
        }
      >
        <p>
          The two clients are no longer seen as a couple. Joint summaries made while they were
          linked are kept.
        </p>
      </Dialog>
    </>
  );
}

function JointSummaryView({ latest }: { latest: CouplesSummary }) {
  const { summary, isolation } = latest;
  return (
    <article className="joint-summary" aria-labelledby="joint-summary-title">
      <h3 id="joint-summary-title">{summary.title}</h3>
      <p className="muted">{summary.modeLabel}</p>
      <p className="isolation-line" data-testid="isolation-line">
        {isolation.passed
          ? `Checked: nothing from either partner’s individual sessions (${isolation.checked} items).`
          : 'The isolation check did not pass.'}
      </p>
      <h4>Shared topics</h4>
      {summary.sharedTopics.length > 0 ? (
        <ul>
          {summary.sharedTopics.map((t) => (
            <li key={t.id}>{t.label}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      {summary.sharedMethods.length > 0 && (
        <>
          <h4>Methods used with both partners</h4>
          <ul>
            {summary.sharedMethods.map((m) => (
              <li key={m.id}>{m.label}</li>
            ))}
          </ul>
        </>
      )}
      {summary.frameworks.map((framework) => (
        <section key={framework.id} className="joint-framework" aria-label={framework.name}>
          <h4>{framework.name}</h4>
          <p>{framework.why}</p>
          <ul>
            {framework.techniques.map((t) => (
              <li key={t.name}>
                <strong>{t.name}</strong>: {t.description}
              </li>
            ))}
          </ul>
          {framework.homework.length > 0 && (
            <>
              <h5>Typical homework</h5>
              <ul>
                {framework.homework.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      {summary.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </article>
  );
}
