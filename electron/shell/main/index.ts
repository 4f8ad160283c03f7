import { app, BrowserWindow, dialog } from 'electron';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { startCore, type Core } from '../../core/app/core';
import { CancelledError } from '../../core/errors';
import { followLibraryPointer, libraryPointerFile } from '../../core/config/data-dir';
import { interactivePassphraseKeyStore } from '../../core/security/interactive-passphrase';
import { envKeyStore, keyringKeyStore } from '../../core/security/node-key-stores';
import { electronSqliteBindingPath } from '../../core/store/sqlite-driver';
import { serveContractOverIpc } from './ipc-transport';
import { registerMediaScheme, serveMedia } from './media-protocol';
import { installMenu } from './menu';
import { passphraseWindow } from './passphrase-window';
import { ALLOW_WEAK_KEY_STORAGE, safeStorageKeyStore } from './safe-storage-key-store';
import { lockDown } from './security';
import { touchIdUnlock } from './system-unlock';
import { createMainWindow, rendererLocation } from './window';

/**
 * The Electron shell: one window, locked down, talking to the plain-Node core over IPC.
 * Everything Cairn does lives in the core; this file only starts, shows and stops it.
 */
app.enableSandbox();
registerMediaScheme();

/**
 * A packaged app ships better-sqlite3 rebuilt for Electron; from a source checkout the binary
 * prepared by `npm start` (electron/dev/electron-sqlite.ts) is used, when present.
 */
function sqliteBindingForElectron(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = electronSqliteBindingPath(app.getAppPath(), process.versions.electron);
  return existsSync(candidate) ? candidate : undefined;
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the running instance (it focuses its window) and leaves.
  app.quit();
} else {
  const location = rendererLocation();
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;
  let stopIpc: (() => void) | undefined;

  lockDown(location.isTrustedPage);

  app.on('second-instance', () => {
    // Before the library is open the passphrase prompt is the only window, and the one to show.
    for (const shown of mainWindow ? [mainWindow] : BrowserWindow.getAllWindows()) {
      if (shown.isMinimized()) shown.restore();
      shown.focus();
    }
  });

  app
    .whenReady()
    .then(async () => {
      installMenu();
      // A library moved in Settings is used from here on; the pointer stays in userData.
      const libraryPointer = libraryPointerFile(app.getPath('userData'));
      const dataDir = followLibraryPointer(libraryPointer) ?? app.getPath('userData');
      const keyring = keyringKeyStore();
      // Last: asked only when no store before it has the key, or takes a new library's.
      const passphrasePrompt = passphraseWindow();
      core = await startCore({
        dataDir,
        libraryPointer,
        keyStores: [
          envKeyStore(),
          safeStorageKeyStore(dataDir, {
            allowBasicText: app.commandLine.hasSwitch(ALLOW_WEAK_KEY_STORAGE),
            mirror: keyring,
          }),
          keyring,
          interactivePassphraseKeyStore(dataDir, passphrasePrompt.ask),
        ],
        actor: `app:${userInfo().username}`,
        transport: 'ipc',
        systemUnlock: touchIdUnlock(),
        resourcesDir: app.isPackaged
          ? path.join(process.resourcesPath, 'resources')
          : path.join(app.getAppPath(), 'resources'),
        sqliteNativeBinding: sqliteBindingForElectron(),
        pipeline: { recover: true },
        onInternalError: (method, error) => console.error(`internal error in ${method}`, error),
      }).finally(() => passphrasePrompt.close());
      stopIpc = serveContractOverIpc(core, location.isTrustedPage);
      serveMedia(core);
      mainWindow = createMainWindow(location);
      mainWindow.on('closed', () => (mainWindow = undefined));
    })
    .catch((error: unknown) => {
      // Quit in the passphrase prompt: the user chose to leave, nothing to report.
      if (error instanceof CancelledError) {
        app.quit();
        return;
      }
      dialog.showErrorBox(
        'Cairn could not start',
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    // The passphrase prompt closing before the library is open is not the user leaving: its Quit
    // arrives as a CancelledError above, and a right passphrase goes on to the main window.
    if (!core) return;
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(location);
  });

  // Graceful shutdown: hold the quit until the core has let running work checkpoint and closed
  // the database, then quit for real.
  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown || !core) return;
    event.preventDefault();
    shuttingDown = true;
    stopIpc?.();
    void core.shutdown().finally(() => app.quit());
  });
}
