import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { clients, pipelineRuns, sessions } from './schema';
import { createdAt } from './schema-columns';

/**
 * A client's treatment plan, one row per version: a version is only ever made by the clinician
 * deciding on proposals (plans.decide), so the plan never changes silently. The content cites
 * signed notes and is PHI, in the library's encrypted database like every note.
 */
export const treatmentPlans = sqliteTable(
  'treatment_plans',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per client. */
    version: integer('version').notNull(),
    /** PlanContent as JSON: goals, interventions, homework. */
    contentJson: text('content_json').notNull(),
    createdBy: text('created_by').notNull(),
    /** What changed, in Cairn's words (counts and kinds, no note text). */
    changeNote: text('change_note').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('treatment_plans_client_version_unique').on(t.clientId, t.version)],
);

/**
 * A change a post_session run proposes, with the statements of the signed note behind it. It
 * waits for the clinician; accepted (as proposed or edited) it goes into a new plan version.
 */
export const planProposals = sqliteTable(
  'plan_proposals',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    runId: text('run_id').references(() => pipelineRuns.id, { onDelete: 'set null' }),
    /** add_goal, revise_goal, goal_status, add_intervention, add_homework, homework_status. */
    kind: text('kind').notNull(),
    /** The proposed change (PlanChange) as JSON; replaced by the clinician's edit when edited. */
    changeJson: text('change_json').notNull(),
    /** PlanCitation[] as JSON: the signed statements behind it. */
    evidenceJson: text('evidence_json').notNull(),
    /** rules: Cairn's rules (no model); model: a notes model wrote it. */
    mode: text('mode', { enum: ['rules', 'model'] }).notNull(),
    status: text('status', { enum: ['proposed', 'accepted', 'rejected'] })
      .notNull()
      .default('proposed'),
    edited: integer('edited', { mode: 'boolean' }).notNull().default(false),
    decidedAt: integer('decided_at', { mode: 'number' }),
    decidedBy: text('decided_by'),
    /** The plan version it went into (accepted ones only). */
    planVersion: integer('plan_version'),
    /** Its place in the run's list, so proposals read in the order the rules made them. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('plan_proposals_client_idx').on(t.clientId, t.status),
    index('plan_proposals_session_idx').on(t.sessionId),
  ],
);

/**
 * A goal's status at a session (not started, progressing, achieved, revised) and the evidence
 * that moved it: the goal's timeline. Written when the clinician accepts the change.
 */
export const goalProgress = sqliteTable(
  'goal_progress',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    /** Stable across plan versions. */
    goalId: text('goal_id').notNull(),
    sessionId: text('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    /** The session's day (YYYY-MM-DD), kept so the timeline sorts without a join. */
    sessionDate: text('session_date').notNull(),
    status: text('status', {
      enum: ['not_started', 'progressing', 'achieved', 'revised'],
    }).notNull(),
    evidenceJson: text('evidence_json').notNull(),
    proposalId: text('proposal_id').references(() => planProposals.id, { onDelete: 'set null' }),
    planVersion: integer('plan_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('goal_progress_goal_idx').on(t.clientId, t.goalId, t.sessionDate)],
);
