// Starts a worker thread from the TypeScript sources (CLI, tests, benchmarks): registers tsx in
// the new thread, then loads the real entry. Bundled builds start out/main/worker.js instead.
require('tsx/cjs');
require('./worker-entry.ts');
