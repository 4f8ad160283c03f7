import { useState } from 'react';
import type { Speaker } from '../../../../shared/api/schemas';
import { SPEAKER_ROLES } from '../../../../shared/domain/enums';
import { useApi } from '../../api/context';

/**
 * Who is who: rename a speaker ("SPEAKER_00" → "Dr. Lee"), set or confirm their role (the
 * diarizer's suggestion is shown, never applied by itself), merge two labels that are one person,
 * and each speaker's talk time as a bar with turns and words per minute.
 */
export function SpeakersPanel({
  speakers,
  colourOf,
}: {
  speakers: Speaker[];
  colourOf: (speaker: Speaker) => number;
}) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const run = (call: Promise<unknown>) =>
    call.then(
      () => setError(null),
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  return (
    <section aria-labelledby="speakers-title" className="speakers" data-testid="speakers">
      <h2 id="speakers-title">Speakers</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            <th scope="col">Role</th>
            <th scope="col">Talk time</th>
            <th scope="col">Turns</th>
            <th scope="col">Words/min</th>
            <th scope="col">Merge</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((speaker) => (
            <tr key={speaker.id} data-speaker-label={speaker.label}>
              <td>
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
              </td>
              <td>
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
                    Suggested: clinician ({Math.round(speaker.suggestedClinician.confidence * 100)}{' '}
                    %) — confirm
                  </button>
                )}
              </td>
              <td>
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
                {Math.round(speaker.share * 100)} %
              </td>
              <td>{speaker.turns}</td>
              <td>{speaker.wordsPerMinute}</td>
              <td>
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
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
