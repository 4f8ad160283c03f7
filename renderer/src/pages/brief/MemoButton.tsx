import { useRef, useState } from 'react';
import { useApi } from '../../api/context';
import { Button } from '../../ui/Button';

const AUDIO = '.wav,.mp3,.m4a,.aac,.mp4,.ogg,.opus,.flac,.webm';

/**
 * "Add a voice memo…": an audio file the clinician dictated about this client, filed with the
 * session (stored encrypted like a recording) and read into the brief, which is prepared again
 * at once so the memo's words appear in it.
 */
export function MemoButton({
  clientId,
  date,
  disabled,
  onAdded,
  onProblem,
}: {
  clientId: string;
  date: string;
  disabled: boolean;
  onAdded: () => Promise<void>;
  onProblem: (message: string | null) => void;
}) {
  const api = useApi();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const add = async (file: File) => {
    setBusy(true);
    try {
      await api.addMemo(file, clientId, date);
      onProblem(null);
      await onAdded();
    } catch (error) {
      onProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => input.current?.click()}
        disabled={disabled || busy}
      >
        {busy ? 'Adding the memo…' : 'Add a voice memo…'}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Voice memo for the brief"
        accept={AUDIO}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void add(file);
        }}
      />
    </>
  );
}
