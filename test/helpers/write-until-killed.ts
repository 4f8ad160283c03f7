/**
 * Child process for the crash test: commits small transactions through the real data layer as
 * fast as it can, saying "committed N" after each commit returned, until it is killed.
 */
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../electron/core/store/open-database';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { testLibraryKey } from './sqlite';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: write-until-killed <db-file>');
const { db } = openDatabase({ file, key: testLibraryKey() });
for (let n = 1; ; n += 1) {
  // Names long enough that a transaction spans several pages.
  db.transaction((tx) =>
    findOrCreateClient(tx, `Client ${n} ${randomBytes(1500).toString('hex')}`),
  );
  process.stdout.write(`committed ${n}\n`);
}
