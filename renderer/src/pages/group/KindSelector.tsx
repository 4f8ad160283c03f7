import { useState } from 'react';
import type { SessionKind } from '../../../../shared/domain/enums';
import { useApi } from '../../api/context';
import { Select } from '../../ui/Select';

const KIND_WORDS: Record<SessionKind, string> = {
  individual: 'Individual',
  couple: 'Couple (joint session)',
  family: 'Family',
  group: 'Group',
};
const SETTABLE = ['individual', 'group', 'family'] as const;

/**
 * The session's kind, chosen in place: a group or family session gets the Participants panel. A
 * signed session and a couple's joint session show their kind as words only.
 */
export function KindSelector({
  sessionId,
  kind,
  signed,
}: {
  sessionId: string;
  kind: SessionKind;
  signed: boolean;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  if (signed || kind === 'couple') return <>{KIND_WORDS[kind]}</>;
  return (
    <>
      <Select
        aria-label="Kind of session"
        value={kind}
        onChange={(event) => {
          const next = SETTABLE.find((k) => k === event.target.value);
          if (!next) return;
          api.call('sessions.setKind', { sessionId, kind: next }).then(
            () => setProblem(null),
            (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
          );
        }}
        options={SETTABLE.map((k) => ({ value: k, label: KIND_WORDS[k] }))}
      />
      {problem && (
        <span role="alert" className="field-error">
          {problem}
        </span>
      )}
    </>
  );
}
