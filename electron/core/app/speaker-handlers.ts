import type { Speaker } from '../../../shared/api/schemas';
import { ValidationError } from '../errors';
import { talkStats } from '../merge/segment-stats';
import { transaction } from '../pipeline/stage-runner';
import type { Db } from '../store/open-database';
import type { Tx } from '../store/repositories/types';
import { recordAudit } from '../store/repositories/audit';
import { latestRunForSession, stagesOf } from '../store/repositories/runs';
import {
  listSpeakers,
  mergeSpeakers,
  reassignSegments,
  updateSpeaker,
} from '../store/repositories/speakers';
import { readTranscript } from '../store/repositories/transcript';
import type { EventBus } from './event-bus';
import type { Handlers } from './handlers';

type SpeakerHandlers = Pick<
  Handlers,
  'speakers.list' | 'speakers.update' | 'speakers.merge' | 'transcript.reassign'
>;

/** Diarization's clinician suggestion, from the merge stage of the session's latest run. */
function clinicianSuggestion(
  db: Db,
  sessionId: string,
): { label: string; confidence: number; reasons: string[] } | undefined {
  const run = latestRunForSession(db, sessionId);
  const merge = run && stagesOf(db, run.id).find((s) => s.stage === 'merge');
  if (!merge?.outputJson) return undefined;
  const output = JSON.parse(merge.outputJson) as {
    suggestion?: { clinician: string; confidence: number; reasons: string[] };
  };
  const s = output.suggestion;
  return s ? { label: s.clinician, confidence: s.confidence, reasons: s.reasons } : undefined;
}

export function sessionSpeakers(db: Db, sessionId: string): Speaker[] {
  const stats = new Map(talkStats(readTranscript(db, sessionId)).map((s) => [s.speakerId, s]));
  const suggestion = clinicianSuggestion(db, sessionId);
  return listSpeakers(db, sessionId)
    .map((row) => {
      const own = stats.get(row.id);
      return {
        id: row.id,
        label: row.label,
        displayName: row.displayName,
        role: row.role,
        suggestedClinician:
          suggestion?.label === row.label
            ? { confidence: suggestion.confidence, reasons: suggestion.reasons }
            : null,
        talkTimeSec: own?.talkTimeSec ?? 0,
        share: own?.share ?? 0,
        turns: own?.turns ?? 0,
        wordsPerMinute: own?.wordsPerMinute ?? 0,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** Who said what: names, roles, merges and reassigned turns. Audited with ids only. */
export function createSpeakerHandlers(context: {
  db: Db;
  events: EventBus;
  actor: string;
}): SpeakerHandlers {
  const { db, events, actor } = context;
  const audited = (work: (tx: Tx) => { sessionId: string; action: string; entityId: string }) => {
    const done = transaction(db, (tx) => {
      const result = work(tx);
      recordAudit(tx, {
        actor,
        action: result.action,
        entityType: 'session',
        entityId: result.sessionId,
        detail: { speaker: result.entityId },
      });
      return result;
    });
    events.emit('sessions.changed', { sessionId: done.sessionId });
    return sessionSpeakers(db, done.sessionId);
  };
  return {
    'speakers.list': ({ sessionId }) => sessionSpeakers(db, sessionId),
    'speakers.update': ({ id, displayName, role }) =>
      audited((tx) => {
        const row = updateSpeaker(tx, id, {
          ...(displayName !== undefined && {
            displayName: displayName === '' ? null : displayName,
          }),
          ...(role !== undefined && { role }),
        });
        return { sessionId: row.sessionId, action: 'speaker.updated', entityId: id };
      }),
    'speakers.merge': ({ from, into }) =>
      audited((tx) => {
        const row = mergeSpeakers(tx, from, into);
        return { sessionId: row.sessionId, action: 'speaker.merged', entityId: into };
      }),
    'transcript.reassign': ({ segmentIds, speakerId }) =>
      audited((tx) => {
        if (new Set(segmentIds).size !== segmentIds.length)
          throw new ValidationError('segment_duplicate', 'A transcript line was given twice.');
        const sessionId = reassignSegments(tx, segmentIds, speakerId);
        return { sessionId, action: 'transcript.reassigned', entityId: speakerId };
      }),
  };
}
