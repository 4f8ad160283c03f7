import { createRequire } from 'node:module';

const requireHere = createRequire(__filename);

/**
 * Loads a module when a command first needs it, so `cairn preprocess` does not pay for the
 * database stack (drizzle, SQLite, the API schemas: ~0.1 s of a 1.7 s run). The CLI runs as
 * CommonJS under tsx, whose require hook handles TypeScript; import() would go through Node's ESM
 * loader, which does not. Pass the module's type: lazyRequire<typeof CoreModule>('../app/core').
 */
export function lazyRequire<T>(id: string): T {
  return requireHere(id) as T;
}
