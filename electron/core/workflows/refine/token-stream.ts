import { EventEmitter } from 'node:events';

/**
 * The model's words while a refinement drafts, from the run's stage to whoever asked for it (the
 * API forwards them as refine.tokens). In memory only: words are never stored, logged or put in
 * a run's progress message, and a resumed run after a restart simply drafts without an audience.
 */
const stream = new EventEmitter();
stream.setMaxListeners(0);

export function emitRefineTokens(refinementId: string, text: string): void {
  stream.emit('tokens', refinementId, text);
}

/** Calls `listener` with every refinement's words; returns the unsubscribe. */
export function onRefineTokens(listener: (refinementId: string, text: string) => void): () => void {
  stream.on('tokens', listener);
  return () => stream.off('tokens', listener);
}
