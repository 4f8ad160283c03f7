import { z } from 'zod';
import {
  GroupView,
  ParticipantSummary,
  SetParticipantsInput,
  SummarizeGroupInput,
  SummarizeGroupResult,
  UpdateParticipantSummaryInput,
} from './group-schemas';
import { Id, SessionSummary } from './schemas';

/**
 * The methods of group and family sessions, part of the one contract (contract.ts spreads them
 * into its methods): who each speaker is, and one summary per participant with its own approval.
 */
export const groupMethods = {
  /**
   * Makes a session individual, group or family (refused once signed, for a couple's joint
   * session, and for leaving group or family once participants' summaries are filed). Audited.
   */
  'sessions.setKind': {
    input: z.object({ sessionId: Id, kind: z.enum(['individual', 'group', 'family']) }),
    output: SessionSummary,
  },
  /** The session's speakers (with a sample line and talk time), their clients, the summaries. */
  'group.get': { input: z.object({ sessionId: Id }), output: GroupView },
  /**
   * Maps speakers to clients (the whole mapping, replaced). Refused for a session that is not
   * group or family, a speaker of another session or marked as the clinician, an unknown client,
   * or a speaker or client listed twice. Audited by ids.
   */
  'group.participants.set': { input: SetParticipantsInput, output: GroupView },
  /**
   * Writes one summary per participant from their own turns (the clinician's are the shared
   * context): a group_summaries run, queued; progress as runs.progress.
   */
  'group.summarize': { input: SummarizeGroupInput, output: SummarizeGroupResult },
  /** The participants' summaries of a session. */
  'group.summaries': { input: z.object({ sessionId: Id }), output: z.array(ParticipantSummary) },
  /** The group and family summaries filed under a client: theirs only. */
  'group.summariesOfClient': {
    input: z.object({ clientId: Id }),
    output: z.array(ParticipantSummary),
  },
  /** The clinician's edit of a draft summary (refused once approved). */
  'group.updateSummary': { input: UpdateParticipantSummaryInput, output: ParticipantSummary },
  /** Approves one participant's summary; the others keep their own status. */
  'group.approveSummary': { input: z.object({ id: Id }), output: ParticipantSummary },
} as const;
