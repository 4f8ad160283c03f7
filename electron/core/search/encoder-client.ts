import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { TransientError } from '../errors';
import type { EncoderFiles } from '../notes/risk/semantic/encoder-files';
import type { FromEncoder, ToEncoder } from './encoder-host';

interface Pending {
  resolve: (vectors: Float32Array[]) => void;
  reject: (error: Error) => void;
}

function hostScript(): string {
  const bundled = path.join(__dirname, 'search-encoder.js');
  return existsSync(bundled) ? bundled : path.join(__dirname, 'encoder-host-bootstrap.cjs');
}

/**
 * The main side of the warm encoder process: started on first use, kept while Cairn runs (idle,
 * it does not hold a CLI command open), restarted on the next call if it died.
 */
export class EncoderClient {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly files: EncoderFiles) {}

  embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const child = this.start();
    const id = this.nextId++;
    return new Promise<Float32Array[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.hold(child);
      child.send({ type: 'embed', id, files: this.files, texts } satisfies ToEncoder);
    });
  }

  close(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private start(): ChildProcess {
    if (this.child) return this.child;
    const child = fork(hostScript(), [], {
      serialization: 'advanced',
      // Its output goes to stderr: the CLI's stdout carries only its answer (e.g. --json).
      stdio: ['ignore', 2, 2, 'ipc'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    child.on('message', (message: FromEncoder) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'vectors') waiting?.resolve(message.vectors);
      else waiting?.reject(encoderFailed(message.message));
      this.hold(child);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = undefined;
      for (const waiting of this.pending.values()) waiting.reject(encoderFailed(`exit ${code}`));
      this.pending.clear();
    });
    this.child = child;
    return child;
  }

  /** Keeps the process (and a CLI command) alive only while an answer is awaited. */
  private hold(child: ChildProcess): void {
    const channel = child.channel as { ref(): void; unref(): void } | undefined;
    if (this.pending.size > 0) {
      child.ref();
      channel?.ref();
    } else {
      child.unref();
      channel?.unref();
    }
  }
}

function encoderFailed(detail: string): TransientError {
  return new TransientError(
    'search_encoder_failed',
    `Search by meaning stopped unexpectedly (${detail}); keyword search still works.`,
  );
}
