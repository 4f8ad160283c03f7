import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES } from '../../../shared/api/contract';
import {
  IPC_EVENT_CHANNEL,
  IPC_INVOKE_CHANNEL,
  type EventMessage,
  type PreloadApi,
} from '../../../shared/api/transport';

/**
 * The sandboxed preload: it exposes exactly the contract's methods and its events, nothing else.
 * No ipcRenderer, no Node: a compromised page can only call what the contract allows,
 * and the main process validates every argument again.
 */
const allowed = new Set<string>(METHOD_NAMES);

const api: PreloadApi = {
  methods: METHOD_NAMES,
  invoke(method, input) {
    if (!allowed.has(method)) return Promise.reject(new Error(`Unknown Cairn method ${method}`));
    return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<unknown>;
  },
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, message: EventMessage) => listener(message);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
  },
  // Only a file the user dropped or picked has one; the main process validates it like any input.
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('cairn', api);
