import { describe, expect, it } from 'vitest';
import type { ClientSummary, SessionSummary } from '../../shared/api/schemas';
import { visibleClients } from '../../renderer/src/pages/clients/client-list';
import { sessionsByMonth } from '../../renderer/src/pages/clients/sessions-by-month';

const client = (name: string, sessionCount: number, lastSessionDate: string | null) =>
  ({
    id: name,
    name,
    createdAt: 0,
    sessionCount,
    lastSessionDate,
    openRiskFlags: 0,
  }) satisfies ClientSummary;

const session = (date: string, openRiskFlags = 0, durationSec: number | null = 3000) =>
  ({ date, openRiskFlags, durationSec }) as SessionSummary;

describe('the clients list', () => {
  const clients = [
    client('zoe', 1, '2026-01-02'),
    client('Adam', 3, null),
    client('bea', 3, '2026-02-01'),
  ];

  it('sorts names as a person reads them, ignoring case', () => {
    const names = visibleClients(clients, '', { key: 'name', descending: false }).map(
      (c) => c.name,
    );
    expect(names).toEqual(['Adam', 'bea', 'zoe']);
  });

  it('sorts by session count (ties alphabetical) and by last session (none is oldest)', () => {
    expect(
      visibleClients(clients, '', { key: 'sessions', descending: true }).map((c) => c.name),
    ).toEqual(['Adam', 'bea', 'zoe']);
    expect(
      visibleClients(clients, '', { key: 'lastSession', descending: true }).map((c) => c.name),
    ).toEqual(['bea', 'zoe', 'Adam']);
  });

  it('filters by any part of the name, in any case', () => {
    expect(
      visibleClients(clients, ' E ', { key: 'name', descending: false }).map((c) => c.name),
    ).toEqual(['bea', 'zoe']);
  });
});

describe('sessions per month', () => {
  it('counts each month from the first to the last, gaps included, with open risk', () => {
    const buckets = sessionsByMonth([
      session('2025-11-20', 2),
      session('2026-01-03'),
      session('2025-11-02', 0, null),
    ]);
    expect(buckets).toEqual([
      { month: '2025-11', sessions: 2, withOpenRisk: 1, minutes: 50 },
      { month: '2025-12', sessions: 0, withOpenRisk: 0, minutes: 0 },
      { month: '2026-01', sessions: 1, withOpenRisk: 0, minutes: 50 },
    ]);
  });

  it('keeps the last 36 months of a long history, and nothing for no sessions', () => {
    const buckets = sessionsByMonth([session('2020-01-01'), session('2026-06-30')]);
    expect(buckets).toHaveLength(36);
    expect(buckets.at(-1)?.month).toBe('2026-06');
    expect(sessionsByMonth([])).toEqual([]);
  });
});
