import type { Note, NoteGeneration } from '../../../shared/api/note-schemas';
import { CancelledError, CairnError, ValidationError } from '../errors';
import { extractiveDraft } from './extractive/extractive-draft';
import { withKeyFacts } from './extractive/key-facts';
import { withRequiredSections } from './extractive/required-sections';
import type { Db } from '../store/open-database';
import { atomically, type DbOrTx } from '../store/repositories/types';
import { recordAudit } from '../store/repositories/audit';
import { getTemplate, syncBuiltInTemplates } from '../store/repositories/note-templates';
import { getNote, replaceSection, saveAiDraft } from '../store/repositories/notes';
import { recordRiskFindings } from '../store/repositories/risk-flags';
import { readTranscript, speakersOf } from '../store/repositories/transcript';
import {
  generateNote,
  type GeneratedNote,
  type NoteProgress,
  type NoteSegment,
} from './generate/generate-note';
import { renderNoteText } from './generate/note-output';
import { withPracticePrompt } from './templates/practice-prompt';
import type { LlmProvider } from './llm/provider';
import { mergeRisk, type RiskFinding } from './risk/merge-risk';
import type { RiskHit } from './risk/risk-categories';
import { riskSegmentsOf } from './risk/pause-breaks';
import { scanRiskWithMeaning } from './risk/scan-risk-with-meaning';
import { builtInTemplates, type NoteTemplate } from './templates/note-template';
import { voiceGuideFor } from './voice/voice-library';

/**
 * A session's note, end to end: the transcript read with who said what, the risk scanner run
 * over all of it, the note written by the model, and the draft stored together with every risk
 * finding (scanner and model merged) in one transaction. The CLI, the API and the pipeline's
 * notes stage all come through here.
 */

const ROLE_NAMES = { clinician: 'Clinician', client: 'Client' } as const;

/** Speakers as the model sees them: their role when known, else the name or label the UI shows. */
export function noteSegments(db: Db, sessionId: string): NoteSegment[] {
  const speakers = new Map(speakersOf(db, sessionId).map((s) => [s.label, s]));
  return readTranscript(db, sessionId).map((segment) => {
    const speaker = segment.speakerLabel ? speakers.get(segment.speakerLabel) : undefined;
    const role = speaker?.role;
    const name =
      role === 'clinician' || role === 'client'
        ? ROLE_NAMES[role]
        : (speaker?.displayName ?? segment.speakerLabel ?? 'Unknown');
    return { id: segment.id, speaker: name, text: segment.text };
  });
}

const synced = new WeakSet<Db>();

/** The template by id, with the shipped built-ins brought up to date in the database first. */
export function findTemplate(db: Db, templateId: string, resourcesDir?: string): NoteTemplate {
  if (!synced.has(db)) {
    syncBuiltInTemplates(db, builtInTemplates(resourcesDir));
    synced.add(db);
  }
  const template = getTemplate(db, templateId);
  if (!template)
    throw new ValidationError(
      'template_not_found',
      `There is no note template called "${templateId}". See the choices with: cairn templates`,
    );
  const { builtIn: _builtIn, ...definition } = template;
  return definition;
}

export interface WriteNoteRequest {
  db: Db;
  sessionId: string;
  templateId: string;
  /** null: no notes model could be had (the reason in `unavailable`): the draft is extractive. */
  provider: LlmProvider | null;
  /** Why there is no provider, in words for the clinician. */
  unavailable?: string;
  actor: string;
  runId?: string | null;
  resourcesDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: NoteProgress) => void;
}

export interface WriteNoteResult {
  note: Note;
  generation: NoteGeneration;
  /** Risk flags this note added (scanner or model); existing ones are kept, never removed. */
  riskFlagsAdded: number;
  /** Statements whose evidence did not check out (marked in the note). */
  unsupported: number;
}

/** A written draft not stored yet, with the risk findings to store beside it. */
export interface NoteDraft {
  sessionId: string;
  template: NoteTemplate;
  note: GeneratedNote;
  findings: RiskFinding[];
}

/**
 * The heavy half: the model writes (minutes on a laptop), nothing held open. The scanner runs
 * first and its flags are stored at once, so they exist even if the model then fails.
 */
export async function draftSessionNote(
  request: Omit<WriteNoteRequest, 'actor'>,
): Promise<NoteDraft> {
  const { db, sessionId } = request;
  const template = findTemplate(db, request.templateId, request.resourcesDir);
  const segments = noteSegments(db, sessionId);
  // The stored lines with their pauses, as the merge scanned them (so the cache answers).
  const scan = await scanRiskWithMeaning(riskSegmentsOf(readTranscript(db, sessionId)), {
    signal: request.signal,
  });
  const scanned = scan.hits;
  atomically(db, (tx) =>
    recordRiskFindings(tx, sessionId, request.runId ?? null, mergeRisk(scanned, [])),
  );
  const note = await modelOrFloor(request, template, segments, scanned);
  if (scan.warning) {
    const generation = note.generation;
    generation.warnings = [...(generation.warnings ?? []), scan.warning];
  }
  return { sessionId, template, note, findings: mergeRisk(scanned, note.riskConcerns) };
}

/**
 * The model's draft, or the extractive floor when there is no model, the model cannot run (not
 * installed, Ollama not running, unreadable file), or it drafted no section at all. Only a
 * cancel, or a transcript with nothing in it, ends without a draft.
 */
async function modelOrFloor(
  request: Omit<WriteNoteRequest, 'actor'>,
  template: NoteTemplate,
  segments: NoteSegment[],
  riskHits: readonly RiskHit[],
): Promise<GeneratedNote> {
  const floor = (reason: string) => extractiveDraft(template, segments, reason, riskHits);
  if (segments.length === 0) throw noTranscript();
  if (!request.provider)
    return floor(
      request.unavailable ?? 'No notes model is installed, so no model wrote this draft.',
    );
  let note: GeneratedNote;
  try {
    note = await generateNote({
      provider: request.provider,
      template: withPracticePrompt(request.db, template),
      segments,
      signal: request.signal,
      onProgress: request.onProgress,
      voice: voiceGuideFor(request.db, template.id),
    });
  } catch (error) {
    if (error instanceof CancelledError || request.signal?.aborted) throw error;
    const why = error instanceof CairnError ? error.message : String(error);
    return floor(`The notes model could not write this note: ${why}`);
  }
  const drafted = note.generation.sections?.some((s) => s.status === 'drafted') ?? true;
  // Key sentences the model left out first; then a required section still empty (its statements
  // all left out, or never drafted) is filled from the floor, so none reaches the clinician blank.
  return drafted
    ? withRequiredSections(
        withKeyFacts(note, template, segments, [], riskHits),
        template,
        segments,
        riskHits,
      )
    : floor(
        `The notes model (${request.provider.model}) could not draft any section, so sentences were chosen from the transcript instead.`,
      );
}

function noTranscript(): ValidationError {
  return new ValidationError(
    'notes_no_transcript',
    'There is no transcript to write a note from: the recording has no speech.',
  );
}

/** The quick half, inside the caller's transaction: the draft and its risk findings together. */
export function storeNoteDraft(
  tx: DbOrTx,
  draft: NoteDraft,
  actor: string,
  runId: string | null,
): { noteId: string; riskFlagsAdded: number } {
  const noteId = saveAiDraft(tx, {
    sessionId: draft.sessionId,
    templateId: draft.template.id,
    content: draft.note.content,
    text: draft.note.text,
    generation: draft.note.generation,
    author: actor,
  });
  const riskFlagsAdded = recordRiskFindings(tx, draft.sessionId, runId, draft.findings);
  recordAudit(tx, { actor, action: 'note.drafted', entityType: 'note', entityId: noteId });
  return { noteId, riskFlagsAdded };
}

export async function writeSessionNote(request: WriteNoteRequest): Promise<WriteNoteResult> {
  const draft = await draftSessionNote(request);
  const { noteId, riskFlagsAdded } = atomically(request.db, (tx) =>
    storeNoteDraft(tx, draft, request.actor, request.runId ?? null),
  );
  return {
    note: getNote(request.db, noteId) as Note,
    generation: draft.note.generation,
    riskFlagsAdded,
    unsupported: unsupportedCount(draft.note),
  };
}

export function unsupportedCount(note: GeneratedNote): number {
  return note.content.sections.flatMap((s) => s.items).filter((i) => !i.supported).length;
}

export interface RegenerateSectionRequest {
  db: Db;
  noteId: string;
  sectionKey: string;
  provider: LlmProvider;
  actor: string;
  resourcesDir?: string;
  signal?: AbortSignal;
  onProgress?: (progress: NoteProgress) => void;
}

/** One section written again; the other sections, and the clinician's edits to them, stay. */
export async function regenerateSection(request: RegenerateSectionRequest): Promise<Note> {
  const { db } = request;
  const note = getNote(db, request.noteId);
  if (!note?.ai)
    throw new ValidationError('note_not_found', 'There is no AI draft to regenerate a section of.');
  if (note.status === 'approved')
    throw new ValidationError(
      'note_locked',
      'This note is approved and locked; add an addendum instead.',
    );
  const template = findTemplate(db, note.templateId, request.resourcesDir);
  if (!template.sections.some((s) => s.key === request.sectionKey))
    throw new ValidationError(
      'note_section_unknown',
      `The ${template.name} template has no section "${request.sectionKey}".`,
    );
  const segments = noteSegments(db, note.sessionId);
  const current = note.clinician?.content ?? note.ai.content;
  // The key sentences the section's new draft leaves out come back, unless another section says
  // them; and a required section the new draft leaves empty is filled from the floor.
  const written = withRequiredSections(
    withKeyFacts(
      await generateNote({
        provider: request.provider,
        template: withPracticePrompt(db, template),
        segments,
        section: request.sectionKey,
        signal: request.signal,
        voice: voiceGuideFor(db, template.id),
        onProgress: request.onProgress,
      }),
      template,
      segments,
      current.sections.filter((s) => s.key !== request.sectionKey).flatMap((s) => s.items),
    ),
    template,
    segments,
  );
  const section = written.content.sections[0];
  if (!section) throw new Error('a regenerated note has no section');
  const replaced = (content: NonNullable<Note['clinician']>['content']) => ({
    ...content,
    sections: content.sections.map((s) => (s.key === section.key ? section : s)),
  });
  const aiContent = replaced(note.ai.content);
  const clinicianContent = note.clinician ? replaced(note.clinician.content) : undefined;
  atomically(db, (tx) => {
    replaceSection(tx, {
      noteId: note.id,
      section,
      aiText: renderNoteText(template.name, aiContent),
      clinicianText: clinicianContent && renderNoteText(template.name, clinicianContent),
      generation: written.generation,
      author: request.actor,
    });
    recordAudit(tx, {
      actor: request.actor,
      action: 'note.section_regenerated',
      entityType: 'note',
      entityId: note.id,
      detail: { section: section.key },
    });
  });
  return getNote(db, note.id) as Note;
}
