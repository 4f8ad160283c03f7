import { describe, expect, it } from 'vitest';
import { SESSION_STATUSES } from '../../shared/domain/enums';
import {
  SESSION_STATUS_LABELS,
  sessionStatusWords,
  stageWords,
} from '../../renderer/src/ui/status-words';

const words = (
  status: string,
  run?: { status: string; stage?: string | null } | null,
  openFlags?: number,
) => sessionStatusWords({ status }, run, openFlags);

describe('a session’s status in a clinician’s words', () => {
  it('says each session status in words, with a tone for whose move it is', () => {
    expect(words('imported')).toEqual({ label: 'Imported', tone: 'neutral' });
    expect(words('processing')).toEqual({ label: 'Processing', tone: 'neutral' });
    expect(words('transcribed')).toEqual({ label: 'Ready to review', tone: 'info' });
    expect(words('awaiting_review', null, 1)).toEqual({
      label: 'Needs your attention: 1 risk flag',
      tone: 'warning',
    });
    expect(words('approved')).toEqual({ label: 'Signed', tone: 'success' });
    expect(words('failed')).toEqual({ label: 'Processing failed', tone: 'danger' });
  });

  it('counts open risk flags, plural from two, and puts them before the pipeline’s state', () => {
    expect(words('awaiting_review', { status: 'awaiting_review' }, 2).label).toBe(
      'Needs your attention: 2 risk flags',
    );
    expect(words('transcribed', { status: 'completed' }, 1).tone).toBe('warning');
    expect(words('processing', { status: 'running', stage: 'notes' }, 3).label).toBe(
      'Needs your attention: 3 risk flags',
    );
    // Signed needs every flag acknowledged first: a signature is the last word.
    expect(words('approved', { status: 'completed' }, 1)).toEqual({
      label: 'Signed',
      tone: 'success',
    });
  });

  it('reads a session held for review whose flags are all acknowledged as ready to review', () => {
    expect(words('awaiting_review', { status: 'awaiting_review' }, 0)).toEqual({
      label: 'Ready to review',
      tone: 'info',
    });
  });

  it('follows the latest run: waiting, processing with its stage, failed, stopped', () => {
    expect(words('imported', { status: 'queued' })).toEqual({
      label: 'Waiting to process',
      tone: 'neutral',
    });
    expect(words('processing', { status: 'running', stage: 'transcribe' })).toEqual({
      label: 'Processing: transcribing',
      tone: 'neutral',
    });
    expect(words('processing', { status: 'running', stage: null }).label).toBe('Processing');
    // A re-run of a reviewed session shows the run, not the older status.
    expect(words('transcribed', { status: 'running', stage: 'notes' }).label).toBe(
      'Processing: drafting the note',
    );
    expect(words('processing', { status: 'failed' })).toEqual({
      label: 'Processing failed',
      tone: 'danger',
    });
    expect(words('imported', { status: 'cancelled' })).toEqual({
      label: 'Processing stopped',
      tone: 'neutral',
    });
    // Just cancelled: the run has stopped before the session's status has caught up.
    expect(words('processing', { status: 'cancelled', stage: 'diarize' }).label).toBe(
      'Processing stopped',
    );
    expect(words('transcribed', { status: 'cancelled' }).label).toBe('Ready to review');
  });

  it('shows a status it has no words for as the value itself, underscores as spaces', () => {
    expect(words('on_hold_for_now')).toEqual({ label: 'on hold for now', tone: 'neutral' });
  });

  it('has words for every session status and stage, and leaves other messages as they are', () => {
    for (const status of SESSION_STATUSES) {
      expect(SESSION_STATUS_LABELS[status]).toMatch(/^[A-Z][a-z ]+$/);
      expect(words(status).label).not.toContain('_');
    }
    expect(stageWords('diarize')).toBe('finding the speakers');
    expect(stageWords('reading part 2 of 3')).toBe('reading part 2 of 3');
    expect(stageWords('constructor')).toBe('constructor');
  });
});
