import { describe, expect, it } from 'vitest';
import type { NoteContent } from '../../shared/api/note-schemas';
import { evidenceLines } from '../../electron/core/notes/generate/evidence-lines';
import {
  renderNoteText,
  riskConcernsOf,
  toSections,
  type TranscriptIndex,
} from '../../electron/core/notes/generate/note-output';
import { firstLimits } from '../../electron/core/notes/generate/output-schemas';
import { attemptsFor } from '../../electron/core/notes/generate/run-step';
import {
  FIELD_CHARS,
  longestEvidenceTokens,
  sectionAnswerTokens,
} from '../../electron/core/notes/generate/step-budget';
import type { LlmProvider } from '../../electron/core/notes/llm/provider';
import type { NoteTemplate, OutputLimits } from '../../electron/core/notes/templates/note-template';
import { builtInTemplate, promptLine } from '../helpers/notes';

const template = builtInTemplate;
const line = promptLine;

describe('note output', () => {
  const index: TranscriptIndex = {
    idOf: new Map([
      ['s1', 'seg-a1'],
      ['s2', 'seg-b2'],
      ['s3', 'seg-c3'],
    ]),
    textOf: new Map([
      ['seg-a1', 'I lie awake most nights. Work has been really hard lately.'],
      ['seg-b2', 'We practised box breathing together.'],
      ['seg-c3', 'Sometimes I think everyone would be better off without me.'],
    ]),
  };

  it('maps short references to segment ids and checks each quote against its cited segment', () => {
    const sections = toSections(
      template('soap'),
      {
        subjective: [
          { evidence: ['[s1] I lie awake most nights.'], text: '  Client reports poor sleep.  ' },
          { evidence: ['[s2] I lie awake most nights.'], text: 'Misattributed quote.' },
          { evidence: ['[s1] Hi.'], text: '   ' },
        ],
        objective: [
          {
            evidence: ['[s2] We practised box breathing together.', '[s1] Work is hard.'],
            text: 'Engaged in breathing practice.',
          },
        ],
        assessment: [{ evidence: ['[s77] I feel fine.'], text: 'Client is fine.' }],
      },
      index,
    );
    expect(sections.map((s) => [s.key, s.title, s.items.length])).toEqual([
      ['subjective', 'Subjective', 2],
      ['objective', 'Objective', 1],
      ['assessment', 'Assessment', 1],
      ['plan', 'Plan', 0],
    ]);
    const [supported, misattributed] = sections[0]?.items ?? [];
    expect(supported).toEqual({
      text: 'Client reports poor sleep.',
      segmentIds: ['seg-a1'],
      quote: 'I lie awake most nights.',
      fields: {},
      supported: true,
      problems: [],
      origin: 'ai',
    });
    expect(misattributed?.segmentIds).toEqual(['seg-b2']);
    expect(misattributed?.supported).toBe(false);
    expect(misattributed?.problems).toEqual([
      'Its quote does not appear in the segments it cites.',
    ]);

    expect(sections[1]?.items[0]).toMatchObject({
      segmentIds: ['seg-b2', 'seg-a1'],
      quote: 'We practised box breathing together.',
      supported: true,
    });

    const unknown = sections[2]?.items[0];
    expect(unknown?.segmentIds).toEqual(['s77']);
    expect(unknown?.supported).toBe(false);
    expect(unknown?.problems.length).toBeGreaterThan(0);
    expect(unknown?.problems.join(' ')).toMatch(/not exist/);
  });

  it('keeps a template’s extra fields on its items', () => {
    const sections = toSections(
      template('session-summary'),
      {
        interventions: [
          {
            evidence: ['[s2] We practised box breathing together.'],
            text: 'Box breathing.',
            status: 'practised',
          },
        ],
      },
      index,
    );
    const interventions = sections.find((s) => s.key === 'interventions');
    expect(interventions?.items).toHaveLength(1);
    expect(interventions?.items[0]?.fields).toEqual({ status: 'practised' });
    expect(interventions?.items[0]?.supported).toBe(true);
  });

  it('collects the model’s risk concerns and the items of a risk section', () => {
    const json = {
      risk_concerns: [
        {
          category: 'suicidal_ideation_passive',
          evidence: ['[s3] Sometimes I think everyone would be better off without me.'],
        },
      ],
      risk_flags: [
        {
          evidence: ['[s1] I lie awake most nights.'],
          text: 'Possible self-harm mention.',
          category: 'self_harm',
        },
      ],
      key_topics: [{ evidence: ['[s1] Work has been really hard lately.'], text: 'Work stress.' }],
    };
    const sections = toSections(template('session-summary'), json, index);
    expect(riskConcernsOf(json, sections, index)).toEqual([
      {
        category: 'suicidal_ideation_passive',
        segmentIds: ['seg-c3'],
        quote: 'Sometimes I think everyone would be better off without me.',
      },
      { category: 'self_harm', segmentIds: ['seg-a1'], quote: 'I lie awake most nights.' },
    ]);
    expect(riskConcernsOf({}, [], index)).toEqual([]);
  });

  it('renders titles, empty sections and a mark on unverified AI statements', () => {
    const sections = toSections(
      template('session-summary'),
      {
        key_topics: [
          { evidence: ['[s1] Work has been really hard lately.'], text: 'Work stress.' },
        ],
        interventions: [
          {
            evidence: ['[s2] We practised box breathing together.'],
            text: 'Box breathing.',
            status: 'practised',
          },
        ],
        mood_affect: [{ evidence: ['[s2] I feel great.'], text: 'Client feels great.' }],
      },
      index,
    );
    const content: NoteContent = { templateId: 'session-summary', templateVersion: 1, sections };
    const text = renderNoteText('Session summary', content);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Session summary');
    for (const section of template('session-summary').sections)
      expect(lines).toContain(section.title);
    expect(lines).toContain('- Work stress.');
    expect(lines).toContain('- Box breathing. (status: practised)');
    const mood = lines.find((l) => l.startsWith('- Client feels great.'));
    expect(mood).toContain('[unverified');
    expect(lines.filter((l) => l.includes('[unverified'))).toHaveLength(1);
    const homework = lines.indexOf('Homework and action items');
    expect(lines[homework + 1]).toBe('- (nothing recorded)');
    const keyTopics = lines.indexOf('Key topics');
    expect(lines[keyTopics + 1]).toBe('- Work stress.');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('does not mark a clinician’s own statement as unverified', () => {
    const content: NoteContent = {
      templateId: 'soap',
      templateVersion: 1,
      sections: [
        {
          key: 'plan',
          title: 'Plan',
          items: [
            {
              text: 'Review in two weeks.',
              segmentIds: [],
              quote: '',
              fields: {},
              supported: false,
              problems: [],
              origin: 'clinician',
            },
          ],
        },
      ],
    };
    expect(renderNoteText('SOAP', content)).toBe('SOAP\n\nPlan\n- Review in two weeks.\n');
  });
});

describe('section answer ceilings', () => {
  const evidence = evidenceLines([
    line('s1', 'I lie awake most nights. Work has been really hard lately.'),
    line('s2', 'We practised box breathing together.'),
  ]);
  // A tokenizer at its worst: one token a character. The ceiling must still hold the largest
  // answer the grammar allows, so a bounded answer can never be cut off mid-JSON.
  const perChar = {
    countTokens: (text: string) => Promise.resolve(text.length),
  } as unknown as LlmProvider;

  it('holds the largest answer each built-in section allows, compact or with a newline per value', async () => {
    for (const id of ['soap', 'dap', 'birp', 'girp', 'session-summary'])
      for (const section of template(id).sections) {
        const limits = firstLimits(8192);
        const evidenceTokens = await longestEvidenceTokens(perChar, evidence);
        const ceiling = await sectionAnswerTokens(perChar, section, limits, evidenceTokens);
        const longest = [...evidence].sort((a, b) => b.length - a.length)[0] as string;
        const item: Record<string, unknown> = {
          evidence: Array.from({ length: limits.maxEvidence }, () => longest),
          text: 'x'.repeat(limits.maxTextLength),
        };
        for (const [key, field] of Object.entries(section.fields ?? {}))
          item[key] = field.enum
            ? [...field.enum].sort((a, b) => b.length - a.length)[0]
            : 'y'.repeat(FIELD_CHARS);
        const answer = { [section.key]: Array.from({ length: limits.maxItems }, () => item) };
        const compact = JSON.stringify(answer);
        expect(compact.length, `${id}.${section.key}`).toBeLessThanOrEqual(ceiling);
        expect(JSON.stringify(answer, null, 1).length, `${id}.${section.key}`).toBeLessThanOrEqual(
          ceiling,
        );
      }
  });

  it('shrinks with fewer statements and shorter ones, as a retry asks', async () => {
    const section = template('soap').sections[0] as NoteTemplate['sections'][number];
    const [first, smaller] = attemptsFor(firstLimits(8192));
    const tokens = (limits: OutputLimits) => sectionAnswerTokens(perChar, section, limits, 60);
    expect(await tokens(smaller?.limits as OutputLimits)).toBeLessThan(
      (await tokens(first?.limits as OutputLimits)) / 2,
    );
  });
});
