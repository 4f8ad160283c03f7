import { describe, expect, it } from 'vitest';
import { recommendNotesModel } from '../../electron/core/notes/models/recommend';

const GB = 1024 ** 3;

describe('notes model recommendation', () => {
  it('suggests the 3B model for an 8 GB, 4-core machine', () => {
    const { model, reason } = recommendNotesModel({ totalMemBytes: 8 * GB, cores: 4, gpu: false });
    expect(model.name).toBe('qwen2.5-3b');
    expect(reason).toMatch(/8 GB/);
  });

  it('suggests the 7B model for a 32 GB, 8-core machine', () => {
    const { model, reason } = recommendNotesModel({ totalMemBytes: 32 * GB, cores: 8, gpu: false });
    expect(model.name).toBe('qwen2.5-7b');
    expect(reason).toMatch(/32 GB/);
  });

  it('falls back to the tiny model on a 2 GB machine', () => {
    const { model } = recommendNotesModel({ totalMemBytes: 2 * GB, cores: 2, gpu: false });
    expect(model.name).toBe('smollm2-360m');
  });
});
