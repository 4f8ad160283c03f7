import { z } from 'zod';
import {
  AddMemoInput,
  AddMemoResult,
  Brief,
  PrepareBriefInput,
  PrepareBriefResult,
} from './brief-schemas';
import {
  CouplesView,
  LinkPartnersInput,
  MergeCouplesInput,
  MergeCouplesResult,
} from './couples-schemas';
import {
  DecidePlanInput,
  DecidePlanResult,
  PlanView,
  ProposePlanInput,
  ProposePlanResult,
} from './plan-schemas';
import { Id } from './schemas';

/**
 * The methods of the workflows between sessions (brief, treatment plan, couples), part of the one
 * contract (contract.ts spreads them into its methods).
 */
export const workflowMethods = {
  /**
   * Prepares a brief for the client's session on a day (planned if they have none): a
   * pre_session run, queued; progress as runs.progress.
   */
  'briefs.prepare': { input: PrepareBriefInput, output: PrepareBriefResult },
  /** The newest brief for a session, or null. */
  'briefs.get': { input: z.object({ sessionId: Id }), output: Brief.nullable() },
  /**
   * Files a voice memo (an audio file) with the client's session on a day, stored encrypted; the
   * next brief for that session transcribes it and reads it in as the clinician's own words.
   */
  'briefs.addMemo': { input: AddMemoInput, output: AddMemoResult },
  /**
   * Links two clients as partners (refused for the same client, or one already linked to someone
   * else); returns the client's couples view. Audited with both ids.
   */
  'couples.link': { input: LinkPartnersInput, output: CouplesView },
  /** Ends the client's partner link; joint summaries made while linked are kept. */
  'couples.unlink': { input: z.object({ clientId: Id }), output: CouplesView },
  /** The client's partner, the couple's joint sessions and the latest joint summary. */
  'couples.get': { input: z.object({ clientId: Id }), output: CouplesView },
  /**
   * Prepares a joint-work summary for the couple's joint session on a day (planned if there is
   * none): a couples_merge run, queued; progress as runs.progress.
   */
  'couples.merge': { input: MergeCouplesInput, output: MergeCouplesResult },
  /**
   * Proposes updates of the client's treatment plan from a session's signed note: a post_session
   * run, queued; progress as runs.progress. The plan itself does not change (see plans.decide).
   */
  'plans.propose': { input: ProposePlanInput, output: ProposePlanResult },
  /** The client's plan: current version, versions, undecided proposals, each goal's timeline. */
  'plans.get': { input: z.object({ clientId: Id }), output: PlanView },
  /**
   * Accepts (as proposed or edited) or rejects proposals: one new plan version when any is
   * accepted. The only way a plan changes; a decided proposal cannot be decided again.
   */
  'plans.decide': { input: DecidePlanInput, output: DecidePlanResult },
} as const;
