import { useState } from 'react';
import type { Speaker } from '../../../../shared/api/schemas';
import { SPEAKER_ROLES } from '../../../../shared/domain/enums';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';
import type { Turn } from './transcript-turns';

/**
 * Who is who: rename a speaker ("SPEAKER_00" → "Dr. Lee"), set or confirm their role (the
 * diarizer's suggestion is shown, never applied by itself), merge two labels that are one person,
 * each speaker's talk time as a bar with turns and words per minute, and who said the turn
 * selected in the transcript (the one place a single turn is reassigned).
 */
export function SpeakersPanel({
  speakers,
  colourOf,
  selectedTurn,
}: {
  speakers: Speaker[];
  colourOf: (speaker: Speaker) => number;
  selectedTurn: Turn | null;
}) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const run = (call: Promise<unknown>) =>
    call.then(
      () => setError(null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  return (
    <section aria-label="Speaker tools" className="speakers" data-testid="speakers">
      {speakers.length > 1 && (
        <div className="selected-turn" data-testid="selected-turn">
          {selectedTurn ? (
            <label className="field">
              <span>
                The turn at {formatDuration(selectedTurn.start)} (“
                {selectedTurn.lines[0]?.text.slice(0, 48) ?? ''}…”) was said by
              </span>
              <select
                value={selectedTurn.speakerId ?? ''}
                onChange={(event) =>
                  void run(
                    api.call('transcript.reassign', {
                      segmentIds: selectedTurn.lines.map((l) => l.id),
                      speakerId: event.target.value,
                    }),
                  )
                }
              >
                {speakers.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName ?? s.label}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p className="muted">Select a turn in the transcript to change who said it.</p>
          )}
        </div>
      )}
      <ul className="speaker-cards">
        {speakers.map((speaker) => (
          <li key={speaker.id} data-speaker-label={speaker.label}>
            <div className="speaker-name">
              <span className={`swatch speaker-${colourOf(speaker)}`} aria-hidden="true" />
              <input
                aria-label={`Name of ${speaker.label}`}
                defaultValue={speaker.displayName ?? ''}
                placeholder={speaker.label}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') event.currentTarget.blur();
                }}
                onBlur={(event) => {
                  const name = event.target.value.trim();
                  if (name !== (speaker.displayName ?? ''))
                    void run(api.call('speakers.update', { id: speaker.id, displayName: name }));
                }}
              />
            </div>
            <div className="speaker-role">
              <select
                aria-label={`Role of ${speaker.displayName ?? speaker.label}`}
                value={speaker.role}
                onChange={(event) =>
                  void run(
                    api.call('speakers.update', {
                      id: speaker.id,
                      role: event.target.value as Speaker['role'],
                    }),
                  )
                }
              >
                {SPEAKER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
              {speaker.suggestedClinician && speaker.role !== 'clinician' && (
                <button
                  type="button"
                  className="link-button suggestion"
                  title={speaker.suggestedClinician.reasons.join('; ')}
                  onClick={() =>
                    void run(api.call('speakers.update', { id: speaker.id, role: 'clinician' }))
                  }
                >
                  Suggested: clinician ({Math.round(speaker.suggestedClinician.confidence * 100)} %)
                  — confirm
                </button>
              )}
            </div>
            <div className="speaker-stats muted">
              <span
                className="talk-bar"
                role="img"
                aria-label={`${Math.round(speaker.share * 100)} percent of talk time`}
              >
                <span
                  className={`speaker-${colourOf(speaker)}`}
                  style={{ width: `${speaker.share * 100}%` }}
                />
              </span>{' '}
              {Math.round(speaker.share * 100)} % · {speaker.turns} turns · {speaker.wordsPerMinute}{' '}
              words/min
            </div>
            {speakers.length > 1 && (
              <select
                aria-label={`Merge ${speaker.displayName ?? speaker.label} into`}
                value=""
                onChange={(event) =>
                  event.target.value &&
                  void run(
                    api.call('speakers.merge', { from: speaker.id, into: event.target.value }),
                  )
                }
              >
                <option value="">Merge into…</option>
                {speakers
                  .filter((other) => other.id !== speaker.id)
                  .map((other) => (
                    <option key={other.id} value={other.id}>
                      {other.displayName ?? other.label}
                    </option>
                  ))}
              </select>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
