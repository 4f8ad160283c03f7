/**
 * The passphrase prompt's page, loaded as a data: URL so nothing is fetched (the app's request
 * filter allows data:, and there is no file to find in development or in a package). It holds no
 * script and its policy allows none: its preload (../preload/passphrase.ts) fills in the words and
 * answers the form from the isolated world. Colours are the app's tokens (renderer/src/ui/tokens.css),
 * written out because the renderer's stylesheet is not loaded here.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Cairn</title>
<style>
  :root {
    color-scheme: light dark;
    --bg: light-dark(#f6f5f2, #141619);
    --bg-panel: light-dark(#ffffff, #1d2024);
    --fg: light-dark(#1f2328, #e7e5e0);
    --fg-muted: light-dark(#5b6068, #a3a8ae);
    --border-strong: light-dark(#868379, #6e747c);
    --accent: light-dark(#2f6f62, #7cc3b2);
    --accent-emphasis: light-dark(#2f6f62, #2e7a6b);
    --danger: light-dark(#a3332b, #f28b82);
    --danger-subtle: light-dark(#f9e6e3, #3b1f1d);
  }
  * { box-sizing: border-box; }
  body {
    margin: 0; padding: 24px 28px; background: var(--bg); color: var(--fg);
    font: 14px/20px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  }
  h1 { font-size: 18px; line-height: 26px; font-weight: 600; margin: 0 0 8px; }
  p { margin: 0 0 8px; color: var(--fg-muted); }
  label { display: block; font-weight: 500; margin: 16px 0 4px; }
  input {
    width: 100%; height: 34px; padding: 0 10px; font: inherit; color: var(--fg);
    background: var(--bg-panel); border: 1px solid var(--border-strong); border-radius: 6px;
  }
  :focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
  #error:not(:empty) {
    margin-top: 16px; padding: 8px 12px; border-radius: 6px;
    color: var(--danger); background: var(--danger-subtle);
  }
  .actions { display: flex; align-items: center; gap: 8px; margin-top: 16px; }
  #status { flex: 1; margin: 0; white-space: nowrap; }
  button {
    height: 32px; padding: 0 14px; font: inherit; font-weight: 500; border-radius: 6px;
    color: var(--fg); background: var(--bg-panel); border: 1px solid var(--border-strong);
  }
  button[type='submit'] { color: #ffffff; background: var(--accent-emphasis); border-color: var(--accent-emphasis); }
  button:disabled, input:disabled { opacity: 0.6; }
</style>
</head>
<body>
<main>
  <form id="form" novalidate>
    <h1 id="title"></h1>
    <div id="explanation"></div>
    <label for="passphrase" id="passphrase-label"></label>
    <input id="passphrase" type="password" autocomplete="off" spellcheck="false"
      aria-describedby="error explanation">
    <div id="confirmation-row" hidden>
      <label for="confirmation" id="confirmation-label"></label>
      <input id="confirmation" type="password" autocomplete="off" spellcheck="false"
        aria-describedby="error">
    </div>
    <p id="error" role="alert"></p>
    <div class="actions">
      <p id="status" role="status"></p>
      <button type="button" id="cancel"></button>
      <button type="submit" id="submit"></button>
    </div>
  </form>
</main>
</body>
</html>`;

export const PASSPHRASE_PAGE_URL = `data:text/html;charset=utf-8,${encodeURIComponent(PAGE)}`;
