import type { NoteContent } from '../../../../shared/api/note-schemas';
import { generateNote, type NoteSegment } from '../../notes/generate/generate-note';
import type { LlmProvider } from '../../notes/llm/provider';
import type { NoteTemplate } from '../../notes/templates/note-template';

/**
 * The notes model rewrites the sections asked about, the way it writes a note (generate-note.ts:
 * grammar-constrained JSON, each statement citing transcript sentences, each citation checked),
 * with the clinician's request added to each such section's instruction. The current wording is
 * not shown to it: a small model copies what it is shown, and the instruction-echo guard would
 * then drop the copy; it writes from the transcript, as asked.
 */

export interface ModelRefineRequest {
  provider: LlmProvider;
  request: string;
  base: NoteContent;
  targets: readonly string[];
  template: NoteTemplate;
  segments: readonly NoteSegment[];
  signal: AbortSignal;
  /** The model's words as they come. */
  onText: (text: string) => void;
  /** 0–1 over the rewrite. */
  onProgress: (fraction: number) => void;
}

/** The provider, with each step's generated words passed to `onText` as well. */
function streaming(provider: LlmProvider, onText: (text: string) => void): LlmProvider {
  return {
    name: provider.name,
    model: provider.model,
    contextSize: () => provider.contextSize(),
    countTokens: (text) => provider.countTokens(text),
    close: () => provider.close(),
    generate: (request) =>
      provider.generate({
        ...request,
        onProgress: (progress) => {
          if (progress.text) onText(progress.text);
          request.onProgress?.(progress);
        },
      }),
  };
}

function asked(template: NoteTemplate, targets: readonly string[], request: string): NoteTemplate {
  const words = request.trim().replace(/\s+/g, ' ');
  return {
    ...template,
    sections: template.sections.map((section) =>
      targets.includes(section.key)
        ? { ...section, instruction: `${section.instruction} The clinician asks: "${words}".` }
        : section,
    ),
  };
}

/**
 * The base with the targeted sections as the model rewrote them, or why the rewrite cannot be
 * used (no targeted section drafted, or none of its statements rests on the transcript).
 */
export async function refineWithModel(
  input: ModelRefineRequest,
): Promise<{ content: NoteContent } | { unusable: string }> {
  const { targets } = input;
  const whole = targets.length > 1;
  const written = await generateNote({
    provider: streaming(input.provider, input.onText),
    template: asked(input.template, targets, input.request),
    segments: input.segments,
    ...(whole ? {} : { section: targets[0] }),
    signal: input.signal,
    onProgress: (progress) => input.onProgress(progress.fraction),
  });
  const rewritten = written.content.sections.filter((s) => targets.includes(s.key));
  const usable = rewritten.some((s) => s.items.some((item) => item.supported));
  if (!usable)
    return {
      unusable: `The notes model (${input.provider.model}) wrote nothing the transcript supports`,
    };
  return {
    content: {
      ...input.base,
      sections: input.base.sections.map(
        (section) => rewritten.find((s) => s.key === section.key && s.items.length > 0) ?? section,
      ),
    },
  };
}
