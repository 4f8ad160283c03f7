import { app, session, shell, type WebContents } from 'electron';
import { MEDIA_SCHEME } from '../../../shared/api/transport';

/** In-memory, built-in or on-disk content that never touches the network. */
const LOCAL_SCHEMES = ['devtools://', 'data:', 'blob:', `${MEDIA_SCHEME}:`];

/**
 * Lock-down applied to every web contents: no navigation away from Cairn's page, no new windows
 * (links to the web open in the user's browser only when they click them), no permissions
 * (camera, notifications…) unless a later feature asks for one by name, no webviews.
 */
export function lockDown(isTrustedPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedPage(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedPage(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // mailto: opens the system's mail app with a follow-up in it: Cairn itself sends nothing.
      if (url.startsWith('https://') || url.startsWith('mailto:')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  app.whenReady().then(
    () => {
      session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
        callback(false),
      );
      session.defaultSession.setPermissionCheckHandler(() => false);
      // Cairn loads nothing remote: refuse any request that is not its own page or dev server.
      session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
        const allowed =
          isTrustedPage(details.url) ||
          LOCAL_SCHEMES.some((scheme) => details.url.startsWith(scheme));
        callback({ cancel: !allowed });
      });
    },
    () => undefined,
  );
}
