import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../../../shared/api/envelope';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../shared/api/transport';
import type { Core } from '../../core/app/core';

const REFUSED: Envelope = {
  ok: false,
  error: { category: 'validation', code: 'untrusted_sender', message: 'Request refused.' },
};

/**
 * Serves the contract over IPC. One channel carries every method; the core's gate checks the
 * method and validates the input, and this layer first checks who is asking: only the top frame
 * of a window showing Cairn's own page.
 */
export function serveContractOverIpc(
  core: Core,
  isTrustedPage: (url: string) => boolean,
): () => void {
  ipcMain.handle(
    IPC_INVOKE_CHANNEL,
    (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
      const frame = event.senderFrame;
      // Only a top-level frame (never an iframe) showing Cairn's own page may call.
      if (frame?.parent !== null || !isTrustedPage(frame.url)) return REFUSED;
      return core.invoke(String(method), input);
    },
  );

  const unsubscribe = core.events.subscribe((message) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isTrustedPage(contents.getURL()))
        contents.send(IPC_EVENT_CHANNEL, message);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
