import { useState } from 'react';
import {
  SMART_FIELDS,
  type PlanChange,
  type PlanDecision,
  type PlanProposal,
  type Smart,
  type SmartField,
} from '../../../../shared/api/plan-schemas';
import { Badge } from '../../ui/Badge';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Citations, SMART_LABELS, SmartList } from './SmartList';

const KIND_WORDS: Record<PlanProposal['kind'], string> = {
  add_goal: 'New goal',
  revise_goal: 'Revised goal',
  goal_status: 'Goal progress',
  add_intervention: 'Intervention',
  add_homework: 'Homework',
  homework_status: 'Homework done',
};

/** The goal parts a clinician may edit before accepting: the wording, SMART parts and measure. */
interface GoalWords {
  statement: string;
  smart: Smart;
  measure: string;
}

function goalWords(change: PlanChange): GoalWords | null {
  if (change.kind === 'add_goal') return change.goal;
  if (change.kind === 'revise_goal') return change;
  return null;
}

/** The change with the clinician's words; a part they edited is no longer Cairn's default. */
function withWords(change: PlanChange, words: GoalWords, before: GoalWords): PlanChange {
  const edited = (field: SmartField) => words.smart[field] !== before.smart[field];
  if (change.kind === 'add_goal')
    return {
      ...change,
      goal: {
        ...change.goal,
        ...words,
        toConfirm: change.goal.toConfirm.filter((f) => !edited(f)),
      },
    };
  if (change.kind === 'revise_goal')
    return { ...change, ...words, toConfirm: change.toConfirm.filter((f) => !edited(f)) };
  return change;
}

/**
 * One proposed change with the statements behind it: accept as it is, edit (a goal's wording and
 * SMART parts, or homework's text) and accept, or reject. Nothing changes the plan until then.
 */
export function ProposalCard({
  proposal,
  decide,
}: {
  proposal: PlanProposal;
  decide: (decision: PlanDecision) => Promise<unknown>;
}) {
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const words = goalWords(proposal.change);
  const homework = proposal.change.kind === 'add_homework' ? proposal.change.homework : null;
  const [draft, setDraft] = useState<GoalWords | null>(words);
  const [homeworkText, setHomeworkText] = useState(homework?.text ?? '');
  const titleId = `proposal-${proposal.id}`;

  const send = (decision: PlanDecision) => {
    setBusy(true);
    decide(decision).then(
      () => setProblem(null),
      (error: unknown) => {
        setBusy(false);
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };
  const editedChange = (): PlanChange => {
    if (words && draft) return withWords(proposal.change, draft, words);
    if (proposal.change.kind === 'add_homework')
      return {
        ...proposal.change,
        homework: { ...proposal.change.homework, text: homeworkText.trim() },
      };
    return proposal.change;
  };
  const editable = words !== null || homework !== null;

  return (
    <li className="plan-proposal" aria-labelledby={titleId} data-proposal-kind={proposal.kind}>
      <p className="plan-proposal-title" id={titleId}>
        <Badge tone="info">{KIND_WORDS[proposal.kind]}</Badge> {proposal.summary}
      </p>
      {!editing && words && <SmartList goal={words} toConfirm={toConfirmOf(proposal.change)} />}
      {editing && draft && (
        <div className="plan-edit">
          <Field label="Goal">
            {(control) => (
              <input
                {...control}
                value={draft.statement}
                onChange={(e) => setDraft({ ...draft, statement: e.target.value })}
              />
            )}
          </Field>
          {SMART_FIELDS.map((field) => (
            <Field key={field} label={SMART_LABELS[field]}>
              {(control) => (
                <textarea
                  {...control}
                  rows={2}
                  value={draft.smart[field]}
                  onChange={(e) =>
                    setDraft({ ...draft, smart: { ...draft.smart, [field]: e.target.value } })
                  }
                />
              )}
            </Field>
          ))}
          <Field label="Measure">
            {(control) => (
              <input
                {...control}
                value={draft.measure}
                onChange={(e) => setDraft({ ...draft, measure: e.target.value })}
              />
            )}
          </Field>
        </div>
      )}
      {editing && homework && (
        <Field label="Homework">
          {(control) => (
            <textarea
              {...control}
              rows={2}
              value={homeworkText}
              onChange={(e) => setHomeworkText(e.target.value)}
            />
          )}
        </Field>
      )}
      <Citations citations={proposal.evidence} />
      <div className="plan-proposal-actions">
        {editing ? (
          <>
            <Button
              variant="primary"
              size="sm"
              disabled={busy}
              onClick={() =>
                send({ proposalId: proposal.id, decision: 'accept', change: editedChange() })
              }
            >
              Accept edited
            </Button>
            <Button size="sm" disabled={busy} onClick={() => setEditing(false)}>
              Cancel edit
            </Button>
          </>
        ) : (
          <>
            <Button
              variant="primary"
              size="sm"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => send({ proposalId: proposal.id, decision: 'accept' })}
            >
              Accept
            </Button>
            {editable && (
              <Button
                size="sm"
                disabled={busy}
                aria-describedby={titleId}
                onClick={() => setEditing(true)}
              >
                Edit
              </Button>
            )}
            <Button
              variant="ghost"
              size="sm"
              disabled={busy}
              aria-describedby={titleId}
              onClick={() => send({ proposalId: proposal.id, decision: 'reject' })}
            >
              Reject
            </Button>
          </>
        )}
      </div>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </li>
  );
}

function toConfirmOf(change: PlanChange): readonly SmartField[] {
  if (change.kind === 'add_goal') return change.goal.toConfirm;
  if (change.kind === 'revise_goal') return change.toConfirm;
  return [];
}
