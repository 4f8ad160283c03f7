import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BRIDGE_API_PREFIX,
  BRIDGE_EVENTS_PATH,
  BRIDGE_MEDIA_PREFIX,
  BRIDGE_TOKEN_HEADER,
  BRIDGE_UPLOAD_PATH,
} from '../../../shared/api/transport';
import type { Core } from '../app/core';
import { serveRecording } from './bridge-media';
import { importUpload } from './bridge-upload';

export interface BridgeOptions {
  core: Core;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 32 random bytes; tests and dev:web pass it on to the renderer. */
  token?: string;
}

export interface Bridge {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1 << 20;

/**
 * The development transport: the same contract as Electron IPC, over HTTP on 127.0.0.1 with a
 * random token, so the renderer can run in a plain browser (npm run dev:web, browser tests).
 * The Electron shell never imports this module (lint rule), and it refuses to start inside Electron.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  if (process.versions.electron) {
    throw new Error(
      'The HTTP bridge is for development under plain Node; it never runs inside the app.',
    );
  }
  const token = options.token ?? randomBytes(32).toString('hex');
  const expected = Buffer.from(token);
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { error: String(error) });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://bridge');
    // An audio element cannot send a header: the media route alone takes the token in the query.
    const isMedia = request.method === 'GET' && url.pathname.startsWith(BRIDGE_MEDIA_PREFIX);
    const given = isMedia ? url.searchParams.get('token') : request.headers[BRIDGE_TOKEN_HEADER];
    if (!matches(given, expected)) return send(response, 401, { error: 'missing or wrong token' });
    // Locked: no recording is streamed and nothing is uploaded (the API routes refuse by themselves).
    if ((isMedia || url.pathname === BRIDGE_UPLOAD_PATH) && options.core.lock.isLocked)
      return send(response, 423, { error: 'Cairn is locked' });
    if (isMedia)
      return serveRecording(
        options.core,
        decodeURIComponent(url.pathname.slice(BRIDGE_MEDIA_PREFIX.length)),
        request,
        response,
      );
    if (request.method === 'GET' && url.pathname === BRIDGE_EVENTS_PATH)
      return streamEvents(request, response);
    if (request.method === 'POST' && url.pathname === BRIDGE_UPLOAD_PATH)
      return send(response, 200, await importUpload(options.core, request, url));
    if (request.method === 'POST' && url.pathname.startsWith(BRIDGE_API_PREFIX)) {
      const method = decodeURIComponent(url.pathname.slice(BRIDGE_API_PREFIX.length));
      const body = await readJson(request);
      if (body === undefined) return send(response, 400, { error: 'body must be JSON under 1 MB' });
      return send(response, 200, await options.core.invoke(method, body));
    }
    return send(response, 404, { error: 'not found' });
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse) {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.core.events.subscribe((message) => {
      response.write(`data: ${JSON.stringify(message)}\n\n`);
    });
    request.on('close', unsubscribe);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${LOOPBACK}:${port}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(given: unknown, expected: Buffer): boolean {
  if (typeof given !== 'string') return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  try {
    return chunks.length === 0
      ? {}
      : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
  } catch {
    return undefined;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}
