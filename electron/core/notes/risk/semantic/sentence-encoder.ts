import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import * as ort from 'onnxruntime-node';
import { BACKGROUND, sessionOptions, type ComputeBudget } from '../../../diarize/onnx-options';
import { CancelledError } from '../../../errors';
import type { EncoderFiles } from './encoder-files';

export const SENTENCE_EMBEDDING_SIZE = 384;
/** Half bge-small's 512: a transcript sentence rarely comes near, and attention grows with its square. */
const MAX_TOKENS = 256;
/** Sentences per inference: padding wastes less when a batch holds sentences of like length. */
const BATCH = 32;

const CLS = 101;
const SEP = 102;

/** The tokenizer file carries no config of its own; these are bert-base-uncased's. */
const TOKENIZER_CONFIG = {
  do_lower_case: true,
  unk_token: '[UNK]',
  sep_token: '[SEP]',
  pad_token: '[PAD]',
  cls_token: '[CLS]',
  mask_token: '[MASK]',
  tokenizer_class: 'BertTokenizer',
  model_max_length: 512,
};

/**
 * Sentence embeddings from bge-small-en-v1.5 (int8 ONNX): WordPiece ids, the encoder, then the
 * [CLS] token's vector, L2-normalised (so a dot product is the cosine), as its authors pool it.
 * onnxruntime's native module registers once per process, so this runs in a child process (see
 * workers/tasks.ts), never in a worker thread.
 */
export class SentenceEncoder {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: Tokenizer,
  ) {}

  static async load(files: EncoderFiles, budget: ComputeBudget = BACKGROUND) {
    const tokenizer = new Tokenizer(
      JSON.parse(readFileSync(files.tokenizer, 'utf8')) as object,
      TOKENIZER_CONFIG,
    );
    const session = await ort.InferenceSession.create(files.model, sessionOptions(budget));
    return new SentenceEncoder(session, tokenizer);
  }

  /** Token ids with [CLS] … [SEP], cut to MAX_TOKENS keeping the closing [SEP]. */
  tokenize(text: string): number[] {
    const ids = this.tokenizer.encode(text).ids;
    return ids.length <= MAX_TOKENS ? ids : [...ids.slice(0, MAX_TOKENS - 1), SEP];
  }

  async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    const tokenized = texts.map((text) => this.tokenize(text));
    // Batches of like length: sort by length, embed, then put the vectors back in order.
    const order = tokenized
      .map((_, index) => index)
      .sort((a, b) => {
        return (tokenized[a]?.length ?? 0) - (tokenized[b]?.length ?? 0);
      });
    const vectors: Float32Array[] = new Array<Float32Array>(texts.length);
    for (let first = 0; first < order.length; first += BATCH) {
      if (signal?.aborted) throw new CancelledError();
      const batch = order.slice(first, first + BATCH);
      const embedded = await this.embedBatch(batch.map((index) => tokenized[index] ?? [CLS, SEP]));
      batch.forEach((index, b) => {
        vectors[index] = embedded[b] ?? new Float32Array(SENTENCE_EMBEDDING_SIZE);
      });
    }
    return vectors;
  }

  private async embedBatch(batch: readonly number[][]): Promise<Float32Array[]> {
    const width = Math.max(...batch.map((ids) => ids.length));
    const ids = new BigInt64Array(batch.length * width);
    const mask = new BigInt64Array(batch.length * width);
    batch.forEach((tokens, b) => {
      tokens.forEach((id, t) => {
        ids[b * width + t] = BigInt(id);
        mask[b * width + t] = 1n;
      });
    });
    const dims = [batch.length, width];
    const output = await this.session.run({
      input_ids: new ort.Tensor('int64', ids, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(batch.length * width), dims),
    });
    const hidden = (output.last_hidden_state as ort.Tensor).data as Float32Array;
    return batch.map((_, b) => clsPooled(hidden, b, width));
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

/** One row's first token vector ([CLS]), L2-normalised. */
function clsPooled(hidden: Float32Array, row: number, width: number) {
  const offset = row * width * SENTENCE_EMBEDDING_SIZE;
  const vector = hidden.slice(offset, offset + SENTENCE_EMBEDDING_SIZE);
  let norm = 0;
  for (let d = 0; d < SENTENCE_EMBEDDING_SIZE; d++) norm += (vector[d] ?? 0) ** 2;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let d = 0; d < SENTENCE_EMBEDDING_SIZE; d++) vector[d] = (vector[d] ?? 0) * scale;
  return vector;
}
