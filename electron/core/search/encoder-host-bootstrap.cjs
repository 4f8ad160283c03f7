// Starts the search encoder's process from the TypeScript sources (CLI, tests, benchmarks).
// Bundled builds start out/main/search-encoder.js instead (electron.vite.config.ts).
require('tsx/cjs');
require('./encoder-host.ts');
