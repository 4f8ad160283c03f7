import type { SessionStatus } from '../../../../shared/domain/enums';

export type StatusTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/**
 * Where the session stands, in the words a clinician uses: never an enum. Open risk flags come
 * first, because they are what the clinician must do before anything else.
 */
export function deskStatus(
  status: SessionStatus,
  openFlags: number,
  live: boolean,
): { label: string; tone: StatusTone } {
  if (live) return { label: 'Processing', tone: 'info' };
  if (status === 'approved') return { label: 'Signed', tone: 'success' };
  if (openFlags > 0)
    return {
      label: `Needs your attention: ${openFlags} risk flag${openFlags === 1 ? '' : 's'}`,
      tone: 'warning',
    };
  switch (status) {
    case 'imported':
      return { label: 'Not processed yet', tone: 'neutral' };
    case 'processing':
      return { label: 'Processing', tone: 'info' };
    case 'transcribed':
    case 'awaiting_review':
      return { label: 'Ready to review', tone: 'info' };
    case 'failed':
      return { label: 'Processing failed', tone: 'danger' };
  }
}
