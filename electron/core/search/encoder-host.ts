import type { EncoderFiles } from '../notes/risk/semantic/encoder-files';
import { SentenceEncoder } from '../notes/risk/semantic/sentence-encoder';

/**
 * The search encoder's own process: loads bge-small once and answers embedding requests for as
 * long as the app runs, so a query costs one short inference, not a model load. A process, not a
 * thread: onnxruntime's native module registers once per process (see workers/tasks.ts).
 */
export type ToEncoder = { type: 'embed'; id: number; files: EncoderFiles; texts: string[] };
export type FromEncoder =
  | { type: 'vectors'; id: number; vectors: Float32Array[] }
  | { type: 'failed'; id: number; message: string };

const send = process.send?.bind(process);
if (!send) throw new Error('encoder-host must run in a forked process');
// An orphan has no one to answer: when the parent goes away, so does this process.
process.on('disconnect', () => process.exit(0));

let encoder: Promise<SentenceEncoder> | undefined;

process.on('message', (message: ToEncoder) => {
  encoder ??= SentenceEncoder.load(message.files);
  encoder
    .then((loaded) => loaded.embed(message.texts))
    .then(
      (vectors) => send({ type: 'vectors', id: message.id, vectors } satisfies FromEncoder),
      (error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        send({ type: 'failed', id: message.id, message: text } satisfies FromEncoder);
      },
    );
});
