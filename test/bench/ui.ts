/**
 * The clinician's desk in headless Chromium against the real core (bridge, Vite renderer): a
 * library of 10,000 sessions, and a session with a 2,000-segment transcript. For each, the time
 * from its data arriving to the first screen painted (targets < 200 ms and < 300 ms), the nodes in
 * the DOM, and the long tasks (> 50 ms) while scrolling from top to bottom. Measured inside the
 * page (Performance API), median of 5 loads after a warm-up load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCore } from '../../electron/core/app/core';
import { startBridge } from '../../electron/core/bridge/http-bridge';
import { serverUrl, startRendererDevServer } from '../../electron/dev/web-server';
import { clients, riskFlags, sessions } from '../../electron/core/store/schema';
import { createSession } from '../../electron/core/store/repositories/sessions';
import { turns } from '../fixtures/sessions/script';
import { launchChromium } from '../helpers/browser';
import { seedTranscript } from '../helpers/notes';
import { median } from './measure';

const SESSIONS = 10_000;
const LOADS = 5;
const SEGMENTS = 2000;

/**
 * Runs in the page before the app: marks when an API answer's JSON is parsed (`data:<method>`),
 * and the frame after the first session row or transcript turn is in the DOM (`painted:<what>`).
 */
const PROBE = `(() => {
  const json = Response.prototype.json;
  Response.prototype.json = async function () {
    const value = await json.call(this);
    const method = decodeURIComponent(new URL(this.url).pathname.split('/api/')[1] ?? '');
    if (method) performance.mark('data:' + method);
    return value;
  };
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  const watch = (selector, name) =>
    new MutationObserver((_, observer) => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => performance.mark('painted:' + name), 0));
    }).observe(document, { childList: true, subtree: true });
  watch('[data-session-id]', 'sessions');
  watch('li.turn', 'transcript');
})()`;

/**
 * Milliseconds from the `data:<method>` the first screen was painted from (the last one before
 * `painted:<what>`: a development build fetches twice) to `painted:<what>` on the current page.
 */
const BETWEEN = (method: string, what: string) => `(() => {
  const painted = performance.getEntriesByName('painted:${what}')[0].startTime;
  const data = performance.getEntriesByName('data:${method}').filter((e) => e.startTime <= painted);
  return painted - data.at(-1).startTime;
})()`;

/** Scrolls `selector` from top to bottom a screen at a time; returns the long tasks meanwhile. */
const SCROLL_THROUGH = (selector: string) => `(async () => {
  window.__longTasks = [];
  const scroller = document.querySelector('${selector}');
  for (let y = 0; y < scroller.scrollHeight; y += scroller.clientHeight) {
    scroller.scrollTop = y;
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  }
  return window.__longTasks;
})()`;

export async function uiBenchmark() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cairn-bench-ui-'));
  const core = await startCore({ dataDir, actor: 'bench', transport: 'http-bridge' });
  const { db } = core.database;
  db.transaction((tx) => {
    const clientIds = Array.from(
      { length: 200 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    tx.insert(clients)
      .values(clientIds.map((id, i) => ({ id, name: `Client ${i + 1}` })))
      .run();
    for (let start = 0; start < SESSIONS; start += 1000) {
      const rows = Array.from({ length: 1000 }, (_, k) => {
        const i = start + k;
        const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000)
          .toISOString()
          .slice(0, 10);
        return {
          id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          clientId: clientIds[i % clientIds.length] ?? null,
          date: day,
          status: (['transcribed', 'approved', 'awaiting_review'] as const)[i % 3],
        };
      });
      tx.insert(sessions).values(rows).run();
      tx.insert(riskFlags)
        .values(
          rows
            .filter((_, k) => k % 50 === 0)
            .map((r) => ({ id: `2${r.id.slice(1)}`, sessionId: r.id, kind: 'self_harm' })),
        )
        .run();
    }
  });
  // One long session: 2,000 segments of generated dialogue (about two hours).
  const longSession = createSession(db, { clientId: null, date: '2025-06-01', kind: 'individual' });
  const script = turns(2, 5);
  seedTranscript(
    db,
    longSession,
    Array.from({ length: SEGMENTS }, () => {
      const turn = script.next().value as { speaker: number; text: string };
      return [turn.speaker === 0 ? 'clinician' : 'client', turn.text] as const;
    }),
  );
  const bridge = await startBridge({ core });
  const vite = await startRendererDevServer({ bridgeUrl: bridge.url, token: bridge.token });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(PROBE);
    /** Loads `url` LOADS + 1 times (the first warms Vite); data → paint for each counted load. */
    const measureOpen = async (url: string, method: string, what: string) => {
      const runs: number[] = [];
      for (let load = 0; load <= LOADS; load += 1) {
        // A fresh document each time: a second goto to the same URL with a #fragment would be a
        // same-document navigation, measuring nothing new.
        await page.goto('about:blank');
        await page.goto(url);
        await page.waitForFunction(
          `performance.getEntriesByName('painted:${what}').length > 0`,
          undefined,
          {
            timeout: 60_000,
          },
        );
        if (load > 0) runs.push(await page.evaluate<number>(BETWEEN(method, what)));
      }
      return { median: Math.round(median(runs) * 10) / 10, runs: runs.map((v) => Math.round(v)) };
    };
    const scrollThrough = async (selector: string) => {
      const tasks = await page.evaluate<number[]>(SCROLL_THROUGH(selector));
      return {
        longTasksOver50ms: tasks.filter((d) => d > 50).length,
        longestMs: Math.round(Math.max(0, ...tasks)),
      };
    };

    const list = await measureOpen(serverUrl(vite), 'sessions.list', 'sessions');
    const rowsInDom = await page.locator('[data-session-id]').count();
    const listScroll = await scrollThrough('.session-scroller');
    const transcript = await measureOpen(
      `${serverUrl(vite)}#/sessions/${longSession}`,
      'sessions.transcript',
      'transcript',
    );
    const turnsInDom = await page.locator('li.turn').count();
    const transcriptScroll = await scrollThrough('.transcript-scroller');
    const result = {
      sessions: SESSIONS,
      segments: SEGMENTS,
      list,
      rowsInDom,
      listScroll,
      transcript,
      turnsInDom,
      transcriptScroll,
    };
    console.table([
      {
        measure: `session list (${SESSIONS}): data → first screen painted (median of ${LOADS})`,
        value: `${list.median} ms (target < 200) runs ${list.runs.join(' ')}`,
      },
      { measure: 'session rows in the DOM', value: rowsInDom },
      {
        measure: 'long tasks > 50 ms scrolling the list to the end',
        value: `${listScroll.longTasksOver50ms} (longest ${listScroll.longestMs} ms)`,
      },
      {
        measure: `transcript (${SEGMENTS} segments): data → first screen painted (median of ${LOADS})`,
        value: `${transcript.median} ms (target < 300) runs ${transcript.runs.join(' ')}`,
      },
      { measure: 'transcript turns in the DOM', value: turnsInDom },
      {
        measure: 'long tasks > 50 ms scrolling the transcript to the end',
        value: `${transcriptScroll.longTasksOver50ms} (longest ${transcriptScroll.longestMs} ms)`,
      },
    ]);
    return result;
  } finally {
    await browser.close();
    await vite.close();
    await bridge.close();
    await core.shutdown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
