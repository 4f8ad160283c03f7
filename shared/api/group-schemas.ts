import { z } from 'zod';
import { NOTE_STATUSES, SESSION_KINDS, SPEAKER_ROLES } from '../domain/enums';
import { NoteContent } from './note-schemas';
import { Id, IsoDate } from './schemas';

/**
 * Group and family sessions as the API carries them: each diarized speaker mapped to a client,
 * and one summary per participant, written from that participant's own turns (the clinician's
 * turns are the shared context), filed under that client with its own approval.
 */

/** One voice of the session, with the client it is (null: not mapped, e.g. the clinician). */
export const GroupSpeaker = z.object({
  speakerId: Id,
  /** The diarizer's label, e.g. SPEAKER_01. */
  label: z.string(),
  displayName: z.string().nullable(),
  role: z.enum(SPEAKER_ROLES),
  /** A line they said, to tell the voices apart (empty when they said nothing). */
  sample: z.string(),
  /** Seconds of speech and number of transcript lines. */
  talkSec: z.number().min(0),
  lines: z.number().int().min(0),
  clientId: Id.nullable(),
  clientName: z.string().nullable(),
});
export type GroupSpeaker = z.infer<typeof GroupSpeaker>;

export const ParticipantMapping = z.object({ speakerId: Id, clientId: Id });

export const SetParticipantsInput = z.object({
  sessionId: Id,
  /** The whole mapping: speakers not listed are not participants (the clinician, a guest). */
  participants: z.array(ParticipantMapping).max(50),
});
export type SetParticipantsInput = z.infer<typeof SetParticipantsInput>;

/** How a participant's summary was written, and what its isolation check found. */
export const ParticipantGeneration = z.object({
  mode: z.enum(['model', 'extractive']),
  /** The notes model's name in model mode; empty otherwise. */
  model: z.string(),
  /** Why the summary is extractive (no model, or the model wrote nothing usable); else empty. */
  reason: z.string(),
  /** Statements the isolation check looked at, and those it dropped. */
  checked: z.number().int().min(0),
  dropped: z.number().int().min(0),
  /** What the clinician should know, in words (what was dropped and why); may be empty. */
  notice: z.string(),
});
export type ParticipantGeneration = z.infer<typeof ParticipantGeneration>;

export const ParticipantSummary = z.object({
  id: Id,
  sessionId: Id,
  sessionDate: IsoDate,
  sessionKind: z.enum(SESSION_KINDS),
  clientId: Id,
  clientName: z.string(),
  runId: Id.nullable(),
  status: z.enum(NOTE_STATUSES),
  approvedAt: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  generation: ParticipantGeneration,
  /** What the run wrote. */
  draft: NoteContent,
  /** The current content: the clinician's edit when there is one, else the draft. */
  content: NoteContent,
  edited: z.boolean(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type ParticipantSummary = z.infer<typeof ParticipantSummary>;

/** A group or family session's speakers, their mapping and the participants' summaries. */
export const GroupView = z.object({
  sessionId: Id,
  kind: z.enum(SESSION_KINDS),
  speakers: z.array(GroupSpeaker),
  summaries: z.array(ParticipantSummary),
});
export type GroupView = z.infer<typeof GroupView>;

export const SummarizeGroupInput = z.object({
  sessionId: Id,
  /** A caller waiting on the result (the CLI): the run goes ahead of background work. */
  waiting: z.boolean().optional(),
});

export const SummarizeGroupResult = z.object({ runId: Id, created: z.boolean() });

export const UpdateParticipantSummaryInput = z.object({ id: Id, content: NoteContent });
