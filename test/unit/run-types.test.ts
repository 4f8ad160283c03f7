import { describe, expect, it } from 'vitest';
import { RUN_STAGES, RUN_TYPE_STAGES, RUN_TYPES } from '../../shared/domain/enums';
import { runTypeDefinition } from '../../electron/core/pipeline/run-type-registry';

describe('run types', () => {
  it('order every type’s stages as the shared stage order does (stage rows sort by it)', () => {
    for (const type of RUN_TYPES) {
      const order = RUN_TYPE_STAGES[type].map((stage) => RUN_STAGES.indexOf(stage));
      expect(order.every((index) => index >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    }
  });

  it('give every stage a built type runs a definition, step by step in order', () => {
    for (const type of [
      'process',
      'pre_session',
      'post_session',
      'couples_merge',
      'refine',
    ] as const) {
      const definition = runTypeDefinition(type);
      expect(definition.steps.flat()).toEqual([...RUN_TYPE_STAGES[type]]);
      for (const stage of definition.steps.flat())
        expect(definition.stages[stage]?.name).toBe(stage);
    }
  });

  it('refuse a type this version cannot carry out, in words', () => {
    expect(() => runTypeDefinition('family_merge')).toThrow(/cannot carry out/);
    expect(() => runTypeDefinition('toString')).toThrow(/cannot carry out/);
  });
});
