import './brief.css';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Brief, BriefCitation } from '../../../../shared/api/brief-schemas';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { GOAL_STATUS_WORDS } from '../../ui/status-words';
import { ClientGuideView } from './ClientGuideView';
import { MemoButton } from './MemoButton';
import { useBrief } from './use-brief';

/**
 * The brief for an upcoming session: prepare it (a run with progress), then read what changed
 * since the last sessions — themes, homework, risk on record, questions to ask — each with links
 * to the signed sessions it rests on, and the client's guide beside it.
 */
export function BriefPanel({
  session,
}: {
  session: { id: string; clientId: string | null; date: string };
}) {
  const { brief, latest, live, progress, prepare } = useBrief(session);
  const [problem, setProblem] = useState<string | null>(null);
  const [memoProblem, setMemoProblem] = useState<string | null>(null);
  const start = () =>
    prepare().then(
      () => setProblem(null),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  const ready = brief.status === 'ready' ? brief.data : null;
  return (
    <section className="brief-panel" aria-labelledby="brief-title">
      <div className="brief-head">
        <h2 id="brief-title">Brief for this session</h2>
        <div className="brief-actions">
          <Button
            variant={ready ? 'secondary' : 'primary'}
            onClick={() => void start()}
            disabled={live || !session.clientId}
          >
            {ready ? 'Prepare again' : 'Prepare brief'}
          </Button>
          {session.clientId && (
            <MemoButton
              clientId={session.clientId}
              date={session.date}
              disabled={live}
              onAdded={start}
              onProblem={setMemoProblem}
            />
          )}
        </div>
      </div>
      {!session.clientId && (
        <p className="muted">Choose the client first: a brief reads their earlier signed notes.</p>
      )}
      {live && <RunProgressLine label="Preparing the brief" progress={progress} />}
      {latest?.status === 'failed' && (
        <Banner tone="danger" title="The brief could not be prepared">
          {latest.errorMessage}
        </Banner>
      )}
      {problem && (
        <Banner tone="danger" title="The brief could not be started">
          {problem}
        </Banner>
      )}
      {memoProblem && (
        <Banner tone="danger" title="The memo could not be added">
          {memoProblem}
        </Banner>
      )}
      {ready && <BriefBody brief={ready} />}
    </section>
  );
}

function BriefBody({ brief }: { brief: Brief }) {
  const { analysis } = brief;
  if (analysis.sessionsRead.length === 0 && analysis.memos.length === 0)
    return <p className="muted">No signed notes for this client before this session yet.</p>;
  return (
    <div className="brief-body">
      <div className="brief-analysis">
        <p className="muted">
          Read from {analysis.sessionsRead.length} signed session(s) by Cairn&apos;s rules
          {analysis.model ? ` and the notes model ${analysis.model}` : ''}. Check each point against
          its session.
        </p>
        {analysis.modelNote && <p className="muted">{analysis.modelNote}</p>}
        <BriefList
          title="Your voice memo"
          items={analysis.memos.map((m) => ({
            text: m.text ?? `Not transcribed: ${m.problem ?? 'no reason given'}`,
            badge: `${Math.max(1, Math.round(m.durationSec))} s`,
            citations: [],
          }))}
        />
        <BriefList
          title="Where things stand (written by the notes model)"
          items={analysis.summary.map((p) => ({ text: p.text, citations: p.citations }))}
        />
        <BriefList
          title="Questions to ask"
          items={analysis.questions.map((q) => ({ text: q.text, citations: q.citations }))}
        />
        <BriefList
          title={`Goals in the treatment plan (version ${analysis.planVersion ?? 0})`}
          items={analysis.planGoals.map((g) => ({
            text: `${g.statement}. ${g.measure}${g.lastMoved ? `; last moved ${g.lastMoved}` : ''}`,
            badge: GOAL_STATUS_WORDS[g.status].label,
            citations: g.citations,
          }))}
        />
        <BriefList
          title="Risk on record"
          items={analysis.risks.map((r) => ({
            text: `${r.label}, last noted ${r.lastSeen}`,
            badge: r.open ? 'Open' : undefined,
            citations: r.citations,
          }))}
        />
        <BriefList
          title="Homework"
          items={analysis.homework.map((h) => ({
            text: h.text,
            badge: HOMEWORK_WORDS[h.status],
            citations: [h.citation, ...h.followUps],
          }))}
        />
        <BriefList
          title="Methods in use (from Cairn's framework library)"
          items={analysis.library.map((f) => ({
            text: [
              f.techniques.length > 0
                ? `${f.shortName}: ${f.techniques.map((t) => t.name).join(', ')}`
                : f.shortName,
              f.typicalHomework[0] ? `Homework the library suggests: ${f.typicalHomework[0]}` : '',
            ]
              .filter(Boolean)
              .join('. '),
            citations: f.citations,
          }))}
        />
        <BriefList
          title="Themes"
          items={analysis.themes.map((t) => ({
            text: `${t.label}: ${t.sessions} session(s), last ${t.lastSeen}`,
            citations: t.citations,
          }))}
        />
      </div>
      <ClientGuideView guide={brief.guide} />
    </div>
  );
}

const HOMEWORK_WORDS = {
  due_now: 'Due this session',
  came_back: 'Came back',
  not_mentioned_since: 'Not mentioned since',
} as const;

function BriefList({
  title,
  items,
}: {
  title: string;
  items: { text: string; badge?: string; citations: readonly BriefCitation[] }[];
}) {
  if (items.length === 0) return null;
  return (
    <section className="brief-list">
      <h3>{title}</h3>
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            {item.text} {item.badge && <Badge>{item.badge}</Badge>}
            <Sources citations={item.citations} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One link per session a point rests on, with the statement as its tooltip. */
function Sources({ citations }: { citations: readonly BriefCitation[] }) {
  const bySession = new Map(citations.map((c) => [c.sessionId, c]));
  if (bySession.size === 0) return null;
  return (
    <span className="brief-sources">
      {[...bySession.values()].map((c) => (
        <Link key={c.sessionId} to={`/sessions/${c.sessionId}`} title={c.text}>
          {c.date}
        </Link>
      ))}
    </span>
  );
}
