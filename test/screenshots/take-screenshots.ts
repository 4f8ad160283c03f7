/**
 * `npm run screenshots`: the README's pictures, taken the way the browser tests drive the desk —
 * the real core on a fresh library (a random key; nothing touches the keyring), the renderer in
 * headless Chromium at a laptop's 1280×800. The bundled sample session is processed with the test
 * models (Whisper base, SmolLM2; `npm run fetch:test-models`) for its fictional client, and each page is
 * saved under docs/screenshots/ (light; the desk in dark too). Run it after a visible UI change
 * and commit the images.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startCore, type Core } from '../../electron/core/app/core';
import { serverUrl } from '../../electron/dev/web-server';
import { STEADY_WORRIER } from '../fixtures/clients/plan-clients';
import { TENSE_PARTNER, WORRIED_SLEEPER } from '../fixtures/clients/scripted-clients';
import { seedClientHistory } from '../helpers/client-history';
import { openDesk } from '../helpers/desk';
import { makeTempDir, REPO_ROOT } from '../helpers/fixtures';
import { testLlmModel } from '../helpers/notes';
import { pipelineEnv } from '../helpers/pipeline';

const OUT = path.join(REPO_ROOT, 'docs/screenshots');

async function call<T>(core: Core, method: Parameters<Core['invoke']>[0], input: unknown) {
  const envelope = await core.invoke(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function shoot(page: Page, name: string) {
  // Let the waveform, fonts and queries settle (the event stream never idles the network): a
  // half-drawn page is not what a clinician sees.
  await page.waitForLoadState('load');
  await page.evaluate('window.scrollTo(0, 0); document.querySelector("main")?.scrollTo(0, 0)');
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const temp = makeTempDir();
  Object.assign(process.env, pipelineEnv(), { CAIRN_DB_KEY: randomBytes(32).toString('hex') });
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const core = await startCore({
      dataDir: path.join(temp.dir, 'data'),
      actor: 'dr-lee',
      transport: 'http-bridge',
    });
    cleanups.push(() => core.shutdown());
    await call(core, 'settings.set', { name: 'embeddedModel', value: testLlmModel() });
    const { page, vite } = await openDesk(core, cleanups, { width: 1280, height: 800 });
    const base = serverUrl(vite);

    await page.goto(`${base}/#/welcome`);
    await page.getByRole('button', { name: /^Next/ }).click();
    await shoot(page, 'first-run');

    const { sessionId } = await call<{ sessionId: string }>(core, 'recordings.importSample', {});
    const { runId } = await call<{ runId: string }>(core, 'pipeline.process', { sessionId });
    await core.pipeline.settled(runId);

    await page.goto(`${base}/#/`);
    await page.locator('[data-session-id]').first().waitFor();
    await shoot(page, 'list');

    await page.goto(`${base}/#/sessions/${sessionId}`);
    await page.locator('[data-testid="player"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await shoot(page, 'desk');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'desk-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await refineShot(core, page, base, sessionId);

    const client = page.getByRole('link', { name: 'Clients' });
    await client.click();
    await page.getByRole('link', { name: 'Sample client (fictional)' }).first().click();
    await shoot(page, 'client');

    await workflowShots(core, page, base);
    await searchShot(core, page, base);

    await page.goto(`${base}/#/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    await shoot(page, 'settings');
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    temp.remove();
  }
}

/**
 * The workflows between sessions on scripted clients (fictional): a brief for an upcoming session,
 * a treatment plan with a proposal waiting, a follow-up for the client, and a couple's joint
 * summary. Each panel is shot whole.
 */
async function workflowShots(core: Core, page: Page, base: string) {
  const db = core.database.db;
  const sleeper = seedClientHistory(db, WORRIED_SLEEPER);
  const partner = seedClientHistory(db, TENSE_PARTNER);
  const brief = await call<{ sessionId: string; runId: string }>(core, 'briefs.prepare', {
    clientId: sleeper.clientId,
    date: WORRIED_SLEEPER.upcoming,
    waiting: true,
  });
  await core.pipeline.settled(brief.runId);
  await page.goto(`${base}/#/sessions/${brief.sessionId}`);
  await page.getByRole('heading', { name: 'Questions to ask' }).waitFor();
  await shoot(page, 'brief');

  const worrier = seedClientHistory(db, STEADY_WORRIER);
  const [first, second] = [...worrier.sessions.values()];
  for (const [index, sessionId] of [first, second].entries()) {
    const queued = await call<{ runId: string }>(core, 'plans.propose', {
      sessionId,
      waiting: true,
    });
    await core.pipeline.settled(queued.runId);
    if (index > 0) break; // the second session's proposals wait for the clinician
    const view = await call<{ pending: { id: string }[] }>(core, 'plans.get', {
      clientId: worrier.clientId,
    });
    await call(core, 'plans.decide', {
      clientId: worrier.clientId,
      decisions: view.pending.map((p) => ({ proposalId: p.id, decision: 'accept' })),
    });
  }
  await page.goto(`${base}/#/clients/${worrier.clientId}`);
  await shootPanel(page, page.locator('section.plan-panel'), 'plan');

  const followUp = await call<{ runId: string }>(core, 'followups.draft', {
    sessionId: first,
    waiting: true,
  });
  await core.pipeline.settled(followUp.runId);
  await page.goto(`${base}/#/sessions/${first}/follow-up`);
  await shootPanel(page, page.locator('section.followup-page'), 'followup');

  await call(core, 'couples.link', { clientId: sleeper.clientId, partnerId: partner.clientId });
  const merged = await call<{ runId: string }>(core, 'couples.merge', {
    clientId: sleeper.clientId,
    date: '2026-10-28',
    waiting: true,
  });
  await core.pipeline.settled(merged.runId);
  await page.goto(`${base}/#/clients/${sleeper.clientId}`);
  await shootPanel(page, page.locator('section.couples-panel'), 'couples');
}

/**
 * The search palette (Ctrl+K) over everything above, the index rebuilt first so every session is
 * in it: "sleep" across transcripts, notes, plans and briefs.
 */
async function searchShot(core: Core, page: Page, base: string) {
  await call(core, 'search.reindex', {});
  for (;;) {
    const status = await call<{ pending: number; rebuildRunId: string | null }>(
      core,
      'search.status',
      {},
    );
    if (status.rebuildRunId === null && status.pending === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await page.goto(`${base}/#/`);
  await page.locator('[data-session-id]').first().waitFor();
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search words' }).fill('sleep');
  await page.getByRole('option').first().waitFor();
  await shoot(page, 'search');
}

/** The sample's note refined ("make the plan section shorter"): the proposal's diff, waiting. */
async function refineShot(core: Core, page: Page, base: string, sessionId: string) {
  const [note] = await call<{ id: string }[]>(core, 'notes.list', { sessionId });
  if (!note) throw new Error('the sample session has no note');
  const { runId } = await call<{ runId: string }>(core, 'refine.request', {
    noteId: note.id,
    request: 'Make the plan section shorter',
    section: 'plan',
  });
  await core.pipeline.settled(runId);
  await page.goto(`${base}/#/sessions/${sessionId}`);
  // The proposal alone: the whole panel is taller than the desk's scroll area shows at once.
  await shootPanel(page, page.getByTestId('refine-proposal'), 'refine');
}

async function shootPanel(page: Page, panel: Locator, name: string) {
  await panel.waitFor();
  await page.waitForTimeout(1_000);
  await panel.screenshot({ path: path.join(OUT, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
