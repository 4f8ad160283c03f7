import type { SessionKind } from '../../../shared/domain/enums';
import type { SpeakerCountOptions } from './types';

/**
 * How many speakers to look for in a session. An individual session is a clinician and a client:
 * exactly two, which also spares the auto count its hardest call. Couple, family and group
 * sessions search 2–6. An explicit choice (the clinician's, or `--speakers`) always wins.
 */
export function speakerCountFor(
  kind: SessionKind,
  override?: number | 'auto',
): SpeakerCountOptions {
  if (typeof override === 'number') return { speakers: override };
  if (override === 'auto') return { speakers: 'auto' };
  if (kind === 'individual') return { speakers: 2 };
  return { speakers: 'auto', minSpeakers: 2, maxSpeakers: 6 };
}
