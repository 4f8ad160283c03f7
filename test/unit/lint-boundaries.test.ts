import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/fixtures';

/**
 * The architecture's import boundaries are lint rules; this proves the rules fire.
 * Type-aware rules are switched off because the probe files do not exist on disk.
 */
const eslint = new ESLint({
  cwd: REPO_ROOT,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it('forbids electron in the plain-Node core', async () => {
    expect(
      await importErrors('electron/core/probe.ts', "import { app } from 'electron';\nvoid app;\n"),
    ).toEqual([expect.stringContaining('Plain-Node code must not import electron')]);
  });

  it('forbids Node built-ins and core code in the renderer', async () => {
    const code =
      "import fs from 'node:fs';\nimport path from 'path';\nimport { startCore } from '../../electron/core/app/core';\nvoid fs; void path; void startCore;\n";
    expect(await importErrors('renderer/src/probe.ts', code)).toHaveLength(3);
  });

  it('forbids Node built-ins in shared/, which the renderer also loads', async () => {
    expect(
      await importErrors(
        'shared/probe.ts',
        "import { readFileSync } from 'fs';\nvoid readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('forbids the development bridge in the Electron shell', async () => {
    const code =
      "import { startBridge } from '../../core/bridge/http-bridge';\nvoid startBridge;\n";
    expect(await importErrors('electron/shell/main/probe.ts', code)).toEqual([
      expect.stringContaining('never ships in the app'),
    ]);
  });

  it('allows the shell to use the core and the renderer to use the shared contract', async () => {
    expect(
      await importErrors(
        'electron/shell/main/probe.ts',
        "import { startCore } from '../../core/app/core';\nvoid startCore;\n",
      ),
    ).toEqual([]);
    expect(
      await importErrors(
        'renderer/src/probe.ts',
        "import { methods } from '../../shared/api/contract';\nvoid methods;\n",
      ),
    ).toEqual([]);
  });
});
