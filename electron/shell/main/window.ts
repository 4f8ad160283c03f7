import { BrowserWindow } from 'electron';
import path from 'node:path';

export interface RendererLocation {
  /** What loadURL/loadFile gets. */
  load: (window: BrowserWindow) => Promise<void>;
  /** True for URLs that belong to Cairn's own renderer (pages, scripts, styles, assets). */
  isTrustedPage: (url: string) => boolean;
}

/** In development electron-vite serves the renderer; a built app loads it from disk. */
export function rendererLocation(): RendererLocation {
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (devUrl && !process.env.CAIRN_PACKAGED) {
    const { host } = new URL(devUrl);
    return {
      load: (window) => window.loadURL(devUrl),
      // The dev server's pages, modules and its hot-reload socket.
      isTrustedPage: (url) => {
        const parsed = URL.canParse(url) ? new URL(url) : undefined;
        return parsed?.host === host && ['http:', 'ws:'].includes(parsed.protocol);
      },
    };
  }
  const rendererDir = path.join(__dirname, '../renderer');
  const rendererUrlPrefix = `file://${rendererDir.split(path.sep).join('/')}/`;
  return {
    load: (window) => window.loadFile(path.join(rendererDir, 'index.html')),
    isTrustedPage: (url) => url.startsWith(rendererUrlPrefix),
  };
}

export function createMainWindow(location: RendererLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Cairn',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void location.load(window);
  return window;
}
