import './plan.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PlanGoal, PlanProposal, PlanView } from '../../../../shared/api/plan-schemas';
import type { SessionSummary } from '../../../../shared/api/schemas';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { QueryNotice } from '../../ui/QueryNotice';
import { Select } from '../../ui/Select';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { GOAL_STATUS_WORDS } from '../../ui/status-words';
import { ProposalCard } from './ProposalCard';
import { SmartList } from './SmartList';
import { usePlan, useProposeRun } from './use-plan';

/**
 * The client's treatment plan: propose updates from a signed session (a run with its stage,
 * percent and time left), decide each proposed change, and read the goals with their SMART parts
 * and timelines, the interventions, homework and versions. The plan changes only by a decision.
 */
export function PlanPanel({
  clientId,
  sessions,
}: {
  clientId: string;
  sessions: readonly SessionSummary[];
}) {
  const { plan, decide } = usePlan(clientId);
  // Come from a signed session's desk: that session is chosen, and the plan is brought into view.
  const [params] = useSearchParams();
  const from = params.get('planSession') ?? undefined;
  // Or from a search hit in the plan (?plan=…): the plan in view, its heading focused.
  const found = params.get('plan');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (from || found !== null) heading.current?.scrollIntoView({ block: 'start' });
    if (found !== null) heading.current?.focus({ preventScroll: true });
  }, [from, found]);
  return (
    <section className="plan-panel" aria-labelledby="plan-title" id="plan">
      <h2 id="plan-title" ref={heading} tabIndex={-1}>
        Treatment plan
      </h2>
      <ProposeForm key={from} sessions={sessions} initial={from} />
      <QueryNotice state={plan} />
      {plan.status === 'ready' && <PlanBody view={plan.data} decide={decide} />}
    </section>
  );
}

function ProposeForm({
  sessions,
  initial,
}: {
  sessions: readonly SessionSummary[];
  initial?: string;
}) {
  const signed = sessions.filter((s) => s.status === 'approved').toReversed();
  const [chosen, setChosen] = useState(signed.some((s) => s.id === initial) ? initial : undefined);
  const sessionId = chosen ?? signed[0]?.id;
  const { latest, live, progress, propose } = useProposeRun(sessionId);
  const [problem, setProblem] = useState<string | null>(null);
  if (signed.length === 0)
    return (
      <p className="muted">
        Plan updates are proposed from signed notes: sign a session’s note to propose one.
      </p>
    );
  const start = () =>
    propose().then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  return (
    <form
      className="plan-propose"
      aria-label="Propose plan changes from a signed session"
      onSubmit={(event) => {
        event.preventDefault();
        void start();
      }}
    >
      <label className="field-inline">
        From the signed session of
        <Select
          value={sessionId}
          onChange={(event) => setChosen(event.target.value)}
          options={signed.map((s) => ({ value: s.id, label: s.date }))}
        />
      </label>
      <Button type="submit" variant="primary" disabled={live}>
        Propose plan updates
      </Button>
      {live && <RunProgressLine label="Proposing plan changes" progress={progress} />}
      {latest?.status === 'failed' && (
        <Banner tone="danger" title="Plan updates could not be proposed">
          {latest.errorMessage}
        </Banner>
      )}
      {problem && (
        <Banner tone="danger" title="Plan updates could not be started">
          {problem}
        </Banner>
      )}
    </form>
  );
}

function PlanBody({
  view,
  decide,
}: {
  view: PlanView;
  decide: Parameters<typeof ProposalCard>[0]['decide'];
}) {
  const bySession = new Map<string, PlanProposal[]>();
  for (const p of view.pending)
    bySession.set(p.sessionId, [...(bySession.get(p.sessionId) ?? []), p]);
  const content = view.current?.content;
  return (
    <div className="plan-body">
      {bySession.size > 0 && (
        <section aria-labelledby="plan-pending-title" className="plan-pending">
          <h3 id="plan-pending-title">Proposed changes ({view.pending.length})</h3>
          {[...bySession.values()].map((proposals) => (
            <div key={proposals[0]?.sessionId}>
              <p className="muted">
                {proposals.some((p) => p.mode === 'model')
                  ? 'Proposed by Cairn’s rules and a notes model (its goals say so; check each against its statements)'
                  : 'Proposed by Cairn’s rules (no model)'}{' '}
                from the session of{' '}
                <Link to={`/sessions/${proposals[0]?.sessionId ?? ''}`}>
                  {proposals[0]?.sessionDate}
                </Link>
                . Nothing changes until you accept.
              </p>
              <ul className="plan-proposals">
                {proposals.map((p) => (
                  <ProposalCard key={p.id} proposal={p} decide={decide} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
      {!view.current ? (
        <p className="muted" data-testid="plan-empty">
          No plan yet: accepted changes make its first version.
        </p>
      ) : (
        <>
          <p data-testid="plan-version">
            Version {view.current.version}, {new Date(view.current.createdAt).toLocaleDateString()}:{' '}
            {view.current.changeNote}
          </p>
          <section aria-labelledby="plan-goals-title">
            <h3 id="plan-goals-title">Goals</h3>
            {content?.goals.length === 0 && <p className="muted">No goals in the plan.</p>}
            <ul className="plan-goals">
              {content?.goals.map((goal) => (
                <GoalCard
                  key={goal.id}
                  goal={goal}
                  entries={view.timelines.find((t) => t.goalId === goal.id)?.entries ?? []}
                />
              ))}
            </ul>
          </section>
          {content && content.interventions.length > 0 && (
            <section aria-labelledby="plan-interventions-title">
              <h3 id="plan-interventions-title">Interventions</h3>
              <ul>
                {content.interventions.map((i) => (
                  <li key={i.id}>
                    {i.techniqueName} ({i.frameworkName}), since {i.since}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {content && content.homework.length > 0 && (
            <section aria-labelledby="plan-homework-title">
              <h3 id="plan-homework-title">Homework</h3>
              <ul>
                {content.homework.map((h) => (
                  <li key={h.id}>
                    {h.text} (given {h.given}){' '}
                    <Badge tone={h.status === 'done' ? 'success' : 'neutral'}>
                      {h.status === 'done' ? 'Done' : 'Set'}
                    </Badge>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="plan-versions-title">
            <h3 id="plan-versions-title">Versions</h3>
            <ol className="plan-versions" reversed>
              {view.versions.map((v) => (
                <li key={v.version}>
                  Version {v.version} · {new Date(v.createdAt).toLocaleString()} · {v.changeNote}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}

function GoalCard({
  goal,
  entries,
}: {
  goal: PlanGoal;
  entries: PlanView['timelines'][number]['entries'];
}) {
  const status = GOAL_STATUS_WORDS[goal.status];
  const titleId = `goal-${goal.id}`;
  return (
    <li className="plan-goal" aria-labelledby={titleId}>
      <h4 id={titleId}>
        {goal.statement} <Badge tone={status.tone}>{status.label}</Badge>
      </h4>
      <SmartList goal={goal} toConfirm={goal.toConfirm} />
      <h5>Timeline</h5>
      <ol className="plan-timeline" aria-label={`Timeline of: ${goal.statement}`}>
        {entries.map((entry) => {
          const words = GOAL_STATUS_WORDS[entry.status];
          return (
            <li key={`${entry.sessionId}/${entry.planVersion}`}>
              <Link to={`/sessions/${entry.sessionId}`}>{entry.date}</Link>{' '}
              <Badge tone={words.tone}>{words.label}</Badge>
              {entry.evidence[0] && <span className="muted"> — “{entry.evidence[0].text}”</span>}
            </li>
          );
        })}
      </ol>
    </li>
  );
}
