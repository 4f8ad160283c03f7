import './followup.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FollowUp } from '../../../../shared/api/followup-schemas';
import { Badge } from '../../ui/Badge';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { QueryNotice } from '../../ui/QueryNotice';
import { RunProgressLine } from '../../ui/RunProgressLine';
import { Select } from '../../ui/Select';
import { useFollowUp } from './use-follow-up';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A short message for the client after a signed session: drafted from an email template (a run
 * with progress), edited here, checked for clinical detail the template did not ask for, and
 * exported by the clinician (a .eml file, the clipboard, their mail app). Cairn never sends it.
 */
export function FollowUpPage() {
  const sessionId = useParams().id ?? '';
  const { followUps, templates, latest, live, progress, draft, save, exportAs } =
    useFollowUp(sessionId);
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const newest = followUps.status === 'ready' ? followUps.data[0] : undefined;
  const start = () =>
    draft(templateId).then(
      () => setProblem(null),
      (error: unknown) => setProblem(messageOf(error)),
    );
  return (
    <section className="followup-page" aria-labelledby="followup-title">
      <p>
        <Link to={`/sessions/${sessionId}`}>Back to the session</Link>
      </p>
      <h1 id="followup-title">Follow-up for the client</h1>
      <p className="muted">
        A short message with the homework, the next appointment and resources, from the signed note.
        Cairn never sends it: you send it from your own mail program.
      </p>
      <form
        className="followup-draft"
        aria-label="Draft a follow-up"
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        {templates.status === 'ready' && (
          <label className="field-inline">
            Template
            <Select
              value={templateId ?? templates.data[0]?.id}
              onChange={(event) => setTemplateId(event.target.value)}
              options={templates.data.map((t) => ({ value: t.id, label: t.name }))}
            />
          </label>
        )}
        <Button type="submit" variant={newest ? 'secondary' : 'primary'} disabled={live}>
          {newest ? 'Draft again' : 'Draft follow-up'}
        </Button>
      </form>
      {live && <RunProgressLine label="Drafting the follow-up" progress={progress} />}
      {latest?.status === 'failed' && (
        <Banner tone="danger" title="The follow-up could not be drafted">
          {latest.errorMessage}
        </Banner>
      )}
      {problem && (
        <Banner tone="danger" title="The follow-up could not be started">
          {problem}
        </Banner>
      )}
      <QueryNotice state={followUps} />
      {newest && (
        <FollowUpEditor key={newest.id} followUp={newest} save={save} exportAs={exportAs} />
      )}
    </section>
  );
}

function FollowUpEditor({
  followUp,
  save,
  exportAs,
}: {
  followUp: FollowUp;
  save: ReturnType<typeof useFollowUp>['save'];
  exportAs: ReturnType<typeof useFollowUp>['exportAs'];
}) {
  const [subject, setSubject] = useState(followUp.subject);
  const [body, setBody] = useState(followUp.body);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const exported = followUp.status === 'exported';
  const edited = subject !== followUp.subject || body !== followUp.body;
  const act = (work: () => Promise<string>) =>
    work().then(
      (message) => {
        setDone(message);
        setProblem(null);
      },
      (error: unknown) => setProblem(messageOf(error)),
    );
  const saveEml = () =>
    act(async () => {
      const { content } = await exportAs(followUp.id, 'eml');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([content], { type: 'message/rfc822' }));
      link.download = 'follow-up.eml';
      link.click();
      URL.revokeObjectURL(link.href);
      return 'Saved as follow-up.eml: open it in your mail program to send it.';
    });
  const copy = () =>
    act(async () => {
      const { content } = await exportAs(followUp.id, 'clipboard');
      await navigator.clipboard.writeText(content);
      return 'Copied: paste it into your mail program.';
    });
  const openMail = () =>
    act(async () => {
      const { content } = await exportAs(followUp.id, 'mailto');
      // Opened by the system's mail app (the shell allows mailto: links only from a click).
      window.open(content, '_blank');
      return 'Opened in your mail app.';
    });
  return (
    <div className="followup-body">
      <p>
        <Badge tone={exported ? 'success' : 'neutral'} data-testid="followup-status">
          {exported ? 'Exported' : 'Draft'}
        </Badge>{' '}
        <span className="muted">{followUp.modeNote}</span>
      </p>
      <div className="followup-columns">
        <form
          className="followup-text"
          aria-label="Edit the follow-up"
          onSubmit={(event) => {
            event.preventDefault();
            void act(async () => {
              // The words as stored (trimmed), so the form is no longer "edited".
              const saved = await save(followUp.id, subject, body);
              setSubject(saved.subject);
              setBody(saved.body);
              return 'Saved and checked again.';
            });
          }}
        >
          <Field label="Subject">
            {(control) => (
              <input
                {...control}
                value={subject}
                readOnly={exported}
                onChange={(event) => setSubject(event.target.value)}
              />
            )}
          </Field>
          <Field label="Message">
            {(control) => (
              <textarea
                {...control}
                rows={14}
                value={body}
                readOnly={exported}
                onChange={(event) => setBody(event.target.value)}
              />
            )}
          </Field>
          {!exported && (
            <Button type="submit" disabled={!edited}>
              Save changes
            </Button>
          )}
        </form>
        <aside className="followup-check" aria-label="Clinical detail check">
          <h2>Before you send it</h2>
          {followUp.warnings.length === 0 ? (
            <p data-testid="followup-no-warnings">
              No diagnosis, risk statement or medication found that the template did not ask for.
            </p>
          ) : (
            <ul className="followup-warnings" data-testid="followup-warnings">
              {followUp.warnings.map((w) => (
                <li key={`${w.kind}:${w.phrase}`}>{w.message}</li>
              ))}
            </ul>
          )}
        </aside>
      </div>
      <div className="followup-actions">
        <Button variant="primary" onClick={() => void saveEml()} disabled={edited}>
          Save .eml
        </Button>
        <Button onClick={() => void copy()} disabled={edited}>
          Copy
        </Button>
        <Button onClick={() => void openMail()} disabled={edited}>
          Open in mail app
        </Button>
        {edited && <span className="muted">Save your changes first.</span>}
      </div>
      {done && <Banner tone="success">{done}</Banner>}
      {problem && (
        <Banner tone="danger" title="That did not work">
          {problem}
        </Banner>
      )}
    </div>
  );
}
