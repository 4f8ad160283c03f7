#!/usr/bin/env node
// The `cairn` command. It runs the TypeScript sources through tsx, so `npm install` alone is
// enough to use it (no build step to forget, never a stale build).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('tsx/cjs');
const { runCli } = require('./main.ts');

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
