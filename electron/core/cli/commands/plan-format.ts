import {
  SMART_FIELDS,
  type PlanGoal,
  type PlanProposal,
  type PlanView,
  type SmartField,
} from '../../../../shared/api/plan-schemas';

/** The plan as a clinician reads it in a terminal: what `cairn plan` and `plan show` print. */

const FIELD_NAMES: Record<SmartField, string> = {
  specific: 'Specific',
  measurable: 'Measurable',
  achievable: 'Achievable',
  relevant: 'Relevant',
  timeBound: 'Time-bound',
};

const STATUS_WORDS: Record<PlanGoal['status'], string> = {
  not_started: 'not started',
  progressing: 'progressing',
  achieved: 'achieved',
  revised: 'revised',
};

const modeLabel = (mode: 'rules' | 'model') =>
  mode === 'rules'
    ? "Cairn's rules (no model)"
    : "Cairn's rules and a notes model (its goals say so)";

function smartLines(goal: Pick<PlanGoal, 'smart' | 'toConfirm' | 'measure'>, indent: string) {
  return [
    ...SMART_FIELDS.map(
      (field) =>
        `${indent}${FIELD_NAMES[field]}: ${goal.smart[field]}${goal.toConfirm.includes(field) ? ' [to confirm]' : ''}`,
    ),
    `${indent}Measure: ${goal.measure}`,
  ];
}

/** One proposal: what accepting it does, its details, and the statements behind it. */
export function renderProposal(proposal: PlanProposal, indent = '  '): string[] {
  const { change } = proposal;
  const lines = [`${indent}${proposal.summary}`, `${indent}  id ${proposal.id}`];
  if (change.kind === 'add_goal') lines.push(...smartLines(change.goal, `${indent}  `));
  if (change.kind === 'revise_goal') lines.push(...smartLines(change, `${indent}  `));
  for (const citation of proposal.evidence)
    lines.push(`${indent}  [${citation.date}, ${citation.sectionTitle}] ${citation.text}`);
  return lines;
}

/** A run's proposals, waiting for the clinician. */
export function renderProposals(proposals: readonly PlanProposal[], date: string): string {
  if (proposals.length === 0)
    return `No plan changes proposed from the session of ${date}: the plan stays as it is.`;
  const mode = proposals.some((p) => p.mode === 'model') ? 'model' : 'rules';
  return [
    `${proposals.length} plan change(s) proposed by ${modeLabel(mode)} from the session of ${date}.`,
    'Nothing changes until you decide. Accept or reject each on the client’s Plan tab, or with:',
    '  cairn plan accept <client> <id…>   /   cairn plan reject <client> <id…>',
    '',
    ...proposals.flatMap((p, i) => [...renderProposal(p, `${i + 1}. `.padEnd(4)), '']),
  ]
    .join('\n')
    .trimEnd();
}

/** The current plan with each goal's SMART parts and timeline, and what waits. */
export function renderPlan(view: PlanView): string {
  const current = view.current;
  if (!current)
    return [
      'No treatment plan yet: nothing has been accepted.',
      view.pending.length > 0
        ? `${view.pending.length} proposed change(s) wait for your decision (cairn plan show --json lists them).`
        : 'Propose one from a signed session with: cairn plan <session-id>',
    ].join('\n');
  const lines = [
    `Treatment plan, version ${current.version} (${new Date(current.createdAt).toISOString().slice(0, 10)}, ${current.createdBy}): ${current.changeNote}`,
  ];
  const { goals, interventions, homework } = current.content;
  lines.push('', 'Goals');
  if (goals.length === 0) lines.push('  none');
  for (const goal of goals) {
    lines.push(`  - ${goal.statement} (${STATUS_WORDS[goal.status]}, set ${goal.setOn})`);
    lines.push(...smartLines(goal, '      '));
    const entries = view.timelines.find((t) => t.goalId === goal.id)?.entries ?? [];
    if (entries.length > 0) lines.push('      Timeline:');
    for (const entry of entries)
      lines.push(
        `        ${entry.date}  ${STATUS_WORDS[entry.status]}${entry.evidence[0] ? ` — ${entry.evidence[0].text}` : ''}`,
      );
  }
  if (interventions.length > 0) {
    lines.push('', 'Interventions');
    for (const i of interventions)
      lines.push(`  - ${i.techniqueName} (${i.frameworkName}), since ${i.since}`);
  }
  if (homework.length > 0) {
    lines.push('', 'Homework');
    for (const h of homework) lines.push(`  - ${h.text} (given ${h.given}, ${h.status})`);
  }
  if (view.pending.length > 0)
    lines.push('', `${view.pending.length} proposed change(s) wait for your decision.`);
  lines.push('', `Versions: ${view.versions.map((v) => v.version).join(', ')}`);
  return lines.join('\n');
}
