import { useEffect, useState } from 'react';
import { ApiCallError } from '../../../../shared/api/envelope';
import type { ModelDownloadProgress } from '../../../../shared/api/settings-schemas';
import { useApi } from '../../api/context';
import { messageOf } from './use-settings';

/** What a model table keeps between renders: live progress, the last problem, a pending delete. */
export interface ModelDownloads {
  progress: ReadonlyMap<string, ModelDownloadProgress>;
  problem: { name: string; message: string } | null;
  confirming: string | null;
  setConfirming: (name: string | null) => void;
  /** Runs a model action; a failure becomes `problem` (a cancel the user asked for does not). */
  act: (name: string, call: Promise<unknown>) => void;
}

/** Shared by the Whisper and the notes model tables: the same downloader, the same behaviour. */
export function useModelDownloads(
  event: 'models.downloadProgress' | 'notesModels.downloadProgress',
): ModelDownloads {
  const api = useApi();
  const [progress, setProgress] = useState<ReadonlyMap<string, ModelDownloadProgress>>(new Map());
  const [problem, setProblem] = useState<ModelDownloads['problem']>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(
    () =>
      api.on(event, (update) =>
        setProgress((current) => new Map(current).set(update.name, update)),
      ),
    [api, event],
  );
  const act = (name: string, call: Promise<unknown>) => {
    setProblem(null);
    call.catch((error: unknown) => {
      if (error instanceof ApiCallError && error.error.code === 'cancelled') return;
      setProblem({ name, message: messageOf(error) });
    });
  };
  return { progress, problem, confirming, setConfirming, act };
}
