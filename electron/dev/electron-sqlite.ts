/**
 * Runs before `npm start` and `npm run dev`: makes sure a better-sqlite3 binary built for the
 * installed Electron exists (see electronSqliteBindingPath). A prebuilt binary is fetched when one
 * is published for this Electron, else it is compiled against Electron's headers. node_modules
 * keeps its plain-Node build, so the CLI and the tests keep working after the app has run.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronSqliteBindingPath } from '../core/store/sqlite-driver';

const root = path.resolve(__dirname, '../..');
const { version } = JSON.parse(
  readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
) as {
  version: string;
};
const target = electronSqliteBindingPath(root, version);

if (existsSync(target)) process.exit(0);

console.log(`Preparing SQLite for Electron ${version} (once)…`);
const work = mkdtempSync(path.join(tmpdir(), 'cairn-electron-sqlite-'));
const pkg = path.join(work, 'better-sqlite3');
try {
  cpSync(path.join(root, 'node_modules/better-sqlite3'), pkg, {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}build${path.sep}`),
  });
  const electronArgs = ['--runtime=electron', `--target=${version}`, `--arch=${process.arch}`];
  // This machine's npmrc may pin nodedir to Node's headers; Electron's must be used instead.
  const env = {
    ...process.env,
    npm_config_nodedir: '',
    npm_config_runtime: 'electron',
    npm_config_target: version,
  };
  try {
    execFileSync(path.join(root, 'node_modules/.bin/prebuild-install'), electronArgs, {
      cwd: pkg,
      stdio: 'inherit',
      env,
    });
  } catch {
    execFileSync(
      'npm',
      ['run', 'build-release', '--', ...electronArgs, '--dist-url=https://electronjs.org/headers'],
      { cwd: pkg, stdio: 'inherit', env },
    );
  }
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(pkg, 'build/Release/better_sqlite3.node'), target);
} finally {
  rmSync(work, { recursive: true, force: true });
}
