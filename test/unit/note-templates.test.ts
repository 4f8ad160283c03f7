import { describe, expect, it } from 'vitest';
import {
  builtInTemplates,
  NoteTemplate,
  outputSchemaFor,
} from '../../electron/core/notes/templates/note-template';

describe('note templates', () => {
  const templates = builtInTemplates();
  const byId = new Map(templates.map((t) => [t.id, t]));

  it('ships SOAP, DAP, BIRP, GIRP and a session summary, each with its standard sections', () => {
    const keys = (id: string) => byId.get(id)?.sections.map((s) => s.key);
    expect(keys('soap')).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    expect(keys('dap')).toEqual(['data', 'assessment', 'plan']);
    expect(keys('birp')).toEqual(['behavior', 'intervention', 'response', 'plan']);
    expect(keys('girp')).toEqual(['goals', 'intervention', 'response', 'plan']);
    expect(keys('session-summary')).toEqual([
      'key_topics',
      'mood_affect',
      'interventions',
      'homework',
      'risk_flags',
      'clinician_observations',
      'client_summary',
    ]);
  });

  it('derives a schema in which every statement first cites transcript sentences, picked from the session', () => {
    const evidence = ['[s1] I slept badly.', '[s2] Work is hard.'];
    const schema = outputSchemaFor(byId.get('soap') as NoteTemplate, { evidence }) as {
      required: string[];
      properties: Record<
        string,
        { minItems: number; items: { required: string[]; properties: Record<string, unknown> } }
      >;
    };
    expect(schema.required).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    const item = schema.properties.plan?.items;
    // Evidence before the statement: the model reads what it cites, then writes.
    expect(item?.required).toEqual(['evidence', 'text']);
    expect(Object.keys(item?.properties ?? {})).toEqual(['evidence', 'text']);
    expect(item?.properties.evidence).toMatchObject({
      type: 'array',
      minItems: 1,
      items: { enum: evidence },
    });
    // A SOAP note without a plan is incomplete; a summary's homework may be empty.
    expect(schema.properties.plan?.minItems).toBe(1);
    const summary = outputSchemaFor(byId.get('session-summary') as NoteTemplate) as {
      properties: Record<string, { minItems: number }>;
    };
    expect(summary.properties.homework?.minItems).toBe(0);
    expect(summary.properties.key_topics?.minItems).toBe(1);
  });

  it('carries a section’s extra fields into its items (an intervention’s status)', () => {
    const schema = outputSchemaFor(byId.get('session-summary') as NoteTemplate) as {
      properties: Record<
        string,
        { items: { required: string[]; properties: Record<string, { enum?: string[] }> } }
      >;
    };
    const interventions = schema.properties.interventions?.items;
    expect(interventions?.required).toContain('status');
    expect(interventions?.properties.status?.enum).toContain('assigned');
    expect(schema.properties.risk_flags?.items.properties.category?.enum).toContain('self_harm');
  });

  it('refuses a template with duplicate section keys or a bad key', () => {
    const base = { id: 'mine', name: 'Mine', description: 'A practice template.', version: 1 };
    const section = { key: 'notes', title: 'Notes', instruction: 'Anything.' };
    expect(NoteTemplate.safeParse({ ...base, sections: [section, section] }).success).toBe(false);
    expect(
      NoteTemplate.safeParse({ ...base, sections: [{ ...section, key: 'Bad Key' }] }).success,
    ).toBe(false);
    expect(NoteTemplate.safeParse({ ...base, sections: [section] }).success).toBe(true);
  });
});
