import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';

/** s3rver's fixed credentials: it checks the signature against these. */
export const S3RVER_KEY = 'S3RVER';

export interface TestBucket {
  endpoint: string;
  bucket: string;
  /** Every object in the bucket: key and exact bytes. */
  objects(): Promise<{ key: string; body: Buffer }[]>;
  close(): Promise<void>;
}

/** A real S3-protocol server (s3rver) on 127.0.0.1, a random port, storing into `directory`. */
export async function startTestBucket(directory: string, bucket = 'practice'): Promise<TestBucket> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
  });
  return {
    endpoint,
    bucket,
    objects: async () => {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      const result: { key: string; body: Buffer }[] = [];
      for (const { Key } of listed.Contents ?? []) {
        if (!Key) continue;
        const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        if (!got.Body) throw new Error(`no body for ${Key}`);
        result.push({ key: Key, body: Buffer.from(await got.Body.transformToByteArray()) });
      }
      return result;
    },
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A pass-through HTTP proxy in front of the bucket, so a test sees every request Cairn makes and
 * can stop answering: with `holdAfterPuts = n`, the n+1th and later PUTs still reach the bucket
 * (the object is stored) but their answers are never sent, which is the moment a crash between
 * "stored" and "marked uploaded" happens.
 */
export async function startRecordingProxy(upstream: string) {
  const seen: SeenRequest[] = [];
  let holdAfterPuts = Number.POSITIVE_INFINITY;
  let putsAnswered = 0;
  const held: http.ServerResponse[] = [];
  const storedButHeld: string[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const target = new URL(upstream);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      const forward = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (req.method === 'PUT' && putsAnswered >= holdAfterPuts) {
              held.push(res);
              storedButHeld.push(req.url ?? '');
              notify();
              return;
            }
            if (req.method === 'PUT') putsAnswered += 1;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
            notify();
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seen,
    puts: () => seen.filter((r) => r.method === 'PUT'),
    /** Answer `n` more PUTs, then hold the answers of the rest (they are still stored). */
    holdAfter(n: number) {
      holdAfterPuts = putsAnswered + n;
    },
    /** Paths of PUTs the bucket stored whose answers were held back. */
    storedButHeld,
    /** Resolves once `condition` holds, re-checked after every request the proxy finishes. */
    async until(condition: () => boolean): Promise<void> {
      while (!condition()) await new Promise<void>((wake) => waiters.push(wake));
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
