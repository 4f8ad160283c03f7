/**
 * Offers content to the browser as a file to save: in the app's window Electron asks where to save
 * it, in a browser (the bridge) it goes to the downloads folder. Nothing is written by the page.
 */
export function downloadFile(content: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // After the click has been handled: the download has its own reference by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The bytes of a base64 string (a PDF or Word file the core returned). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
