import { useState } from 'react';
import type { FollowUpExport } from '../../../../shared/domain/enums';
import { useApi } from '../../api/context';
import { useQuery } from '../../api/use-query';
import { useWorkflowRun } from '../../api/use-workflow-run';

// Module-level: an inline array would make useQuery resubscribe (and reload) on every render.
const REFRESH_ON = ['runs.changed'] as const;
const NEVER = [] as const;

/**
 * A session's newest follow-up (reloaded when a follow_up run ends, and after each save or
 * export), the email templates to draft from, and the actions on it.
 */
export function useFollowUp(sessionId: string) {
  const api = useApi();
  // A save or an export changes the row without a run: bumping the key reloads it.
  const [revision, setRevision] = useState(0);
  const followUps = useQuery(
    `${sessionId}:followups:${revision}`,
    (client) => client.call('followups.list', { sessionId }),
    REFRESH_ON,
  );
  const templates = useQuery(
    'templates:email',
    (client) => client.call('templates.ofType', { type: 'email' }),
    NEVER,
  );
  const run = useWorkflowRun(sessionId, 'follow_up');
  const reload = <T>(result: T) => {
    setRevision((r) => r + 1);
    return result;
  };
  return {
    followUps,
    templates,
    ...run,
    draft: (templateId: string | undefined) =>
      api.call('followups.draft', { sessionId, templateId, waiting: true }),
    save: (id: string, subject: string, body: string) =>
      api.call('followups.update', { id, subject, body }).then(reload),
    exportAs: (id: string, as: FollowUpExport) =>
      api.call('followups.export', { id, as }).then(reload),
  };
}
