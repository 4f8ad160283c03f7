import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  dataLayout,
  readLibraryPointer,
  writeLibraryPointer,
  type DataLayout,
} from '../config/data-dir';
import { ValidationError } from '../errors';
import type { Db } from '../store/open-database';
import type { SqliteConnection } from '../store/sqlite-driver';
import { createBackup } from '../backup/create-backup';
import { copyLibrary, inspectLibraryDatabase } from '../store/library-copy';
import { recordAudit } from '../store/repositories/audit';
import { queuedRuns, runningRuns } from '../store/repositories/runs';
import type { Handlers } from './handlers';
import type { LibraryFreeze } from './library-freeze';

interface LibraryHandlerContext {
  db: Db;
  /** For SQLite's online backup of the database. */
  connection: SqliteConnection;
  layout: DataLayout;
  modelsDir: string;
  /** The pointer file the next start reads (in the default data folder); null: not movable. */
  libraryPointer: string | null;
  actor: string;
  closing: AbortSignal;
  freeze: LibraryFreeze;
  /** Seals backup manifests (an HMAC under a key derived from it). */
  libraryKey: Buffer;
  version: string;
}

type LibraryHandlers = Pick<Handlers, 'library.location' | 'library.move' | 'library.backup'>;

/** Where the library lives, and moving it: copied and verified here, used from the next start. */
export function createLibraryHandlers(context: LibraryHandlerContext): LibraryHandlers {
  const { db, connection, layout, actor, freeze } = context;
  return {
    'library.location': () => {
      const next =
        context.libraryPointer === null ? undefined : readLibraryPointer(context.libraryPointer);
      return {
        dataDir: layout.root,
        nextDataDir: next !== undefined && next !== layout.root ? next : null,
        movable: context.libraryPointer !== null,
      };
    },
    'library.backup': async ({ destination }) => {
      const result = await createBackup({
        connection,
        layout,
        destination,
        libraryKey: context.libraryKey,
        cairnVersion: context.version,
      });
      recordAudit(db, {
        actor,
        action: 'library.backed_up',
        entityType: 'library',
        detail: { sessions: result.sessions, files: result.files, bytes: result.bytes },
      });
      return result;
    },
    'library.move': async ({ target: requested }) => {
      const pointer = context.libraryPointer;
      if (pointer === null)
        throw new ValidationError(
          'library_chosen_explicitly',
          'This library was opened with --data-dir or CAIRN_DATA_DIR. Move it with your file manager and point that option at the new folder.',
        );
      const target = await checkTarget(requested, layout.root);
      refuseWhileRunsAreActive(db);
      await freeze.begin(
        `Cairn is moving its library to ${target.dir}. Wait for the move to finish in Settings.`,
      );
      try {
        // A run queued while other calls were finishing would write to this folder only.
        refuseWhileRunsAreActive(db);
        // Before the copy, so the moved library's own log says where it came from.
        recordAudit(db, {
          actor,
          action: 'library.moved',
          entityType: 'settings',
          entityId: 'library.location',
          detail: { outcome: target.kind === 'library' ? 'adopted' : 'copied' },
        });
        const result =
          target.kind === 'library'
            ? {
                outcome: 'adopted' as const,
                files: 0,
                bytes: 0,
                ...countSessions(connection, target.dir),
              }
            : {
                outcome: 'copied' as const,
                ...(await copyLibrary({
                  connection,
                  from: layout,
                  to: target.dir,
                  modelsDir: context.modelsDir,
                  signal: context.closing,
                })),
              };
        await writeLibraryPointer(pointer, target.dir);
        freeze.finish(
          `Cairn's library moved to ${target.dir}. Restart Cairn to go on working there; nothing more is saved in ${layout.root}.`,
        );
        return { ...result, dataDir: target.dir, oldDataDir: layout.root, restartRequired: true };
      } catch (error) {
        freeze.cancel();
        recordAudit(db, {
          actor,
          action: 'library.move_failed',
          entityType: 'settings',
          entityId: 'library.location',
        });
        throw error;
      }
    },
  };
}

type Target = { kind: 'empty' | 'library'; dir: string };

/** An empty (or new) folder, or one that already holds a Cairn library; nothing else. */
async function checkTarget(requested: string, current: string): Promise<Target> {
  if (!path.isAbsolute(requested))
    throw new ValidationError(
      'path_not_absolute',
      'Give the full path of the folder, for example /Users/you/Documents/Cairn library.',
    );
  const dir = path.resolve(requested);
  const inside = (child: string, parent: string) =>
    !path.relative(parent, child).startsWith('..') &&
    !path.isAbsolute(path.relative(parent, child));
  if (dir === current)
    throw new ValidationError('same_folder', 'The library is already in this folder.');
  if (inside(dir, current) || inside(current, dir))
    throw new ValidationError(
      'nested_folder',
      'Choose a folder outside the current library folder (and not one that contains it).',
    );
  const info = await stat(dir).catch(() => undefined);
  if (!info) return { kind: 'empty', dir };
  if (!info.isDirectory())
    throw new ValidationError('not_a_folder', `${dir} is a file, not a folder. Choose a folder.`);
  const entries = await readdir(dir);
  if (entries.length === 0) return { kind: 'empty', dir };
  if (entries.includes(path.basename(dataLayout(dir).database))) return { kind: 'library', dir };
  throw new ValidationError(
    'folder_not_empty',
    `${dir} already holds other files and is not a Cairn library. Choose an empty folder, or a new one (Cairn creates it).`,
  );
}

/** A run writing meanwhile would finish in the old library only. */
function refuseWhileRunsAreActive(db: Db): void {
  const active = runningRuns(db).length + queuedRuns(db).length;
  if (active > 0)
    throw new ValidationError(
      'runs_active',
      `${active} session${active === 1 ? ' is' : 's are'} being processed. Wait for ${active === 1 ? 'it' : 'them'} to finish, or cancel ${active === 1 ? 'it' : 'them'}, then move the library.`,
    );
}

/** The folder's library, checked: one Cairn cannot open (damaged, not Cairn's) is refused. */
function countSessions(connection: SqliteConnection, dir: string): { sessions: number } {
  const file = dataLayout(dir).database;
  try {
    return { sessions: inspectLibraryDatabase(connection, file).sessions };
  } catch (error) {
    throw new ValidationError(
      'not_a_library',
      `${dir} holds a cairn.db that Cairn cannot read as a library. Choose an empty folder instead.`,
      { cause: error },
    );
  }
}
