import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

const OUT = path.join(REPO_ROOT, 'out');
const ELECTRON_VITE = path.join(REPO_ROOT, 'node_modules/electron-vite/bin/electron-vite.js');

/**
 * The Electron binary cannot be downloaded here, so the shell is verified by its build:
 * the three bundles exist and carry the security properties the app depends on.
 */
describe('electron-vite build', () => {
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [ELECTRON_VITE, 'build'], { cwd: REPO_ROOT });
  }, 120_000);

  it('produces the main, preload and renderer bundles', () => {
    for (const file of [
      'main/index.js',
      'main/worker.js',
      'main/search-encoder.js',
      'preload/index.js',
      'renderer/index.html',
    ]) {
      expect(existsSync(path.join(OUT, file)), file).toBe(true);
    }
  });

  it('bundles the sandboxed preload so it requires nothing but electron', () => {
    const preload = readFileSync(path.join(OUT, 'preload/index.js'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).toContain('exposeInMainWorld');
  });

  it('ships the renderer with a strict Content-Security-Policy', () => {
    const html = readFileSync(path.join(OUT, 'renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
      .exec(html)?.[1]
      ?.replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it('opens windows with the sandbox on, context isolation on and Node integration off', () => {
    const main = readFileSync(path.join(OUT, 'main/index.js'), 'utf8');
    expect(main).toMatch(/contextIsolation:\s*true/);
    expect(main).toMatch(/sandbox:\s*true/);
    expect(main).toMatch(/nodeIntegration:\s*false/);
    expect(main).toContain('requestSingleInstanceLock');
    // The development bridge never reaches the app bundle.
    expect(main).not.toContain('startBridge');
  });
});
