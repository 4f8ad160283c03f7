import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  path: string;
  range: string | undefined;
}

export interface ModelServer {
  url: string;
  requests: ServedRequest[];
  /** Cut the connection after this many body bytes, for the next `times` requests. */
  cutAfter(bytes: number, times?: number): void;
  /** Answer range requests with the whole file (200), as some servers do. */
  ignoreRanges(ignore: boolean): void;
  /**
   * The next response sends this many body bytes, then waits until `release` is called: a
   * download caught mid-way for as long as a test needs, without timing.
   */
  holdAfter(bytes: number): () => void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 serving files with Range support (206, Content-Range), able to
 * drop a connection mid-body: what the model downloader meets on the internet.
 */
export async function startModelServer(files: Record<string, Buffer>): Promise<ModelServer> {
  const requests: ServedRequest[] = [];
  let cut: { bytes: number; times: number } | undefined;
  let rangesIgnored = false;
  let hold: { bytes: number; released: Promise<unknown> } | undefined;
  const server = createServer((request: IncomingMessage, response) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    requests.push({ path, range: request.headers.range });
    const body = files[path.slice(1)];
    if (!body) {
      response.writeHead(404).end('not found');
      return;
    }
    const match = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    const start = match && !rangesIgnored ? Number(match[1]) : 0;
    if (start >= body.length) {
      response.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const headers: Record<string, string | number> = {
      'content-length': body.length - start,
      'accept-ranges': 'bytes',
    };
    if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    response.writeHead(start > 0 ? 206 : 200, headers);
    const slice = body.subarray(start);
    if (hold) {
      const { bytes, released } = hold;
      hold = undefined;
      response.write(slice.subarray(0, bytes));
      void released.then(() => {
        if (!response.destroyed) response.end(slice.subarray(bytes));
      });
      return;
    }
    if (cut && cut.times > 0) {
      cut.times -= 1;
      response.write(slice.subarray(0, cut.bytes), () => response.socket?.destroy());
      return;
    }
    response.end(slice);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    cutAfter: (bytes, times = 1) => {
      cut = { bytes, times };
    },
    ignoreRanges: (ignore) => {
      rangesIgnored = ignore;
    },
    holdAfter: (bytes) => {
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      hold = { bytes, released };
      return () => release();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
