#!/usr/bin/env node
// The `cairn` command. It runs the TypeScript sources through tsx, so `npm install` alone is
// enough to use it (no build step to forget, never a stale build).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs');
const { runCli } = require('./main.ts');

let settled = false;
runCli(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (error) => {
    settled = true;
    console.error(error);
    process.exitCode = 1;
  },
);
// Node exits with 0 when nothing is left to wait for, even if the command never finished (a stream
// that never ended): that must not look like success to a script.
process.on('beforeExit', () => {
  if (settled) return;
  console.error('cairn: internal error: the command stopped before it finished.');
  process.exitCode = 1;
});
