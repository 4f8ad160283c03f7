/**
 * Child process for the durability test: commits one client through the real data layer,
 * reports "committed" only after the commit returned, then hangs until it is killed.
 */
import { openDatabase } from '../../electron/core/store/open-database';
import { findOrCreateClient } from '../../electron/core/store/repositories/clients';
import { testLibraryKey } from './sqlite';

const [file, name] = process.argv.slice(2);
if (!file || !name) throw new Error('usage: commit-then-hang <db-file> <client-name>');
const { db } = openDatabase({ file, key: testLibraryKey() });
db.transaction((tx) => findOrCreateClient(tx, name));
process.stdout.write('committed\n');
setInterval(() => undefined, 1000);
