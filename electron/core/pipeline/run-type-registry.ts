import type { RunType } from '../../../shared/domain/enums';
import { PRE_SESSION_RUN } from '../workflows/brief/brief-run-type';
import { COUPLES_MERGE_RUN } from '../workflows/couples/couples-run-type';
import { GROUP_SUMMARIES_RUN } from '../workflows/group/group-run-type';
import { POST_SESSION_RUN } from '../workflows/plan/plan-run-type';
import { REFINE_RUN } from '../workflows/refine/refine-run-type';
import { FOLLOW_UP_RUN } from '../workflows/followup/followup-run-type';
import { BULK_EXPORT_RUN } from '../export/bulk/bulk-export-run-type';
import { PROCESS_RUN } from './process-run-type';
import { unknownRunType, type RunTypeDefinition } from './run-types';

/** The run types this version carries out. */
const RUN_TYPE_DEFINITIONS: Partial<Record<RunType, RunTypeDefinition>> = {
  process: PROCESS_RUN,
  pre_session: PRE_SESSION_RUN,
  couples_merge: COUPLES_MERGE_RUN,
  post_session: POST_SESSION_RUN,
  refine: REFINE_RUN,
  follow_up: FOLLOW_UP_RUN,
  group_summaries: GROUP_SUMMARIES_RUN,
  bulk_export: BULK_EXPORT_RUN,
};

/** The definition of a run's type; throws a user-facing error for one this version lacks. */
export function runTypeDefinition(type: string): RunTypeDefinition {
  const found = Object.hasOwn(RUN_TYPE_DEFINITIONS, type)
    ? RUN_TYPE_DEFINITIONS[type as RunType]
    : undefined;
  if (!found) throw unknownRunType(type);
  return found;
}
