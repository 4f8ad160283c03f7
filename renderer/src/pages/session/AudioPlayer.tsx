import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import { useApi } from '../../api/context';
import { formatDuration } from '../../format';

export interface PlayerHandle {
  seek(seconds: number): void;
}

const SPEEDS = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/**
 * The original recording with its waveform (peaks computed by the core, so the page never decodes
 * an hour of audio), streamed with byte ranges. Space plays or pauses, ← and → skip 5 s, anywhere
 * on the page except in a text field.
 */
export const AudioPlayer = forwardRef<
  PlayerHandle,
  { sessionId: string; onTime: (seconds: number, playing: boolean) => void }
>(function AudioPlayer({ sessionId, onTime }, ref) {
  const api = useApi();
  const container = useRef<HTMLDivElement>(null);
  const wave = useRef<WaveSurfer | null>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const onTimeRef = useRef(onTime);
  useEffect(() => {
    onTimeRef.current = onTime;
  });

  // A seek asked for before the recording can seek (the player still loading, or the media's
  // metadata not in yet) is kept and applied as soon as it can be, never dropped.
  const pendingSeek = useRef<number | null>(null);
  const applyPendingSeek = () => {
    const instance = wave.current;
    const seconds = pendingSeek.current;
    if (!instance || seconds === null) return;
    const media = instance.getMediaElement();
    // Not seekable yet: its metadata (or wavesurfer's 'ready') brings this back.
    if (!media || media.readyState < HTMLMediaElement.HAVE_METADATA) {
      media?.addEventListener('loadedmetadata', applyPendingSeek, { once: true });
      return;
    }
    pendingSeek.current = null;
    instance.setTime(seconds);
  };
  const applyRef = useRef(applyPendingSeek);
  useEffect(() => {
    applyRef.current = applyPendingSeek;
  });
  useImperativeHandle(
    ref,
    () => ({
      seek: (seconds) => {
        pendingSeek.current = seconds;
        applyRef.current();
      },
    }),
    [],
  );

  useEffect(() => {
    let disposed = false;
    let instance: WaveSurfer | undefined;
    api.call('recordings.peaks', { sessionId }).then(
      ({ peaks, durationSec }) => {
        if (disposed || !container.current) return;
        const colour = resolvedColour(container.current);
        instance = WaveSurfer.create({
          container: container.current,
          url: api.mediaUrl(sessionId),
          peaks: [peaks],
          duration: durationSec,
          height: 64,
          normalize: true,
          waveColor: colour('--wave', '#b9c7c3'),
          progressColor: colour('--accent', '#2f6f62'),
          cursorColor: colour('--ink', '#1f2328'),
        });
        wave.current = instance;
        // Fetch the metadata now, so the first click on the transcript can seek at once.
        instance.getMediaElement()?.setAttribute('preload', 'auto');
        setDuration(durationSec);
        applyRef.current();
        instance.on('timeupdate', (seconds) => {
          setTime(seconds);
          onTimeRef.current(seconds, instance?.isPlaying() ?? false);
        });
        instance.on('ready', () => {
          setReady(true);
          applyRef.current();
        });
        instance.on('play', () => setPlaying(true));
        instance.on('pause', () => setPlaying(false));
        instance.on('error', (failure) =>
          setError(`The recording cannot be played: ${String(failure)}`),
        );
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      disposed = true;
      instance?.destroy();
      wave.current = null;
    };
  }, [api, sessionId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"], button')) return;
      if (event.key === ' ') void wave.current?.playPause();
      else if (event.key === 'ArrowLeft') wave.current?.skip(-5);
      else if (event.key === 'ArrowRight') wave.current?.skip(5);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="player" aria-label="Recording" data-testid="player" data-ready={ready}>
      <div ref={container} className="waveform" />
      <div className="player-controls">
        <button type="button" onClick={() => wave.current?.skip(-5)} title="Back 5 seconds (←)">
          −5 s<span className="visually-hidden"> (back 5 seconds)</span>
        </button>
        <button type="button" onClick={() => void wave.current?.playPause()} data-testid="play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => wave.current?.skip(5)} title="Forward 5 seconds (→)">
          +5 s<span className="visually-hidden"> (forward 5 seconds)</span>
        </button>
        <span className="player-time" data-testid="player-time" data-seconds={time.toFixed(2)}>
          {formatDuration(time)} / {formatDuration(duration)}
        </span>
        <label>
          Speed{' '}
          <select
            value={speed}
            onChange={(event) => {
              const rate = Number(event.target.value);
              setSpeed(rate);
              wave.current?.setPlaybackRate(rate, true);
            }}
          >
            {SPEEDS.map((rate) => (
              <option key={rate} value={rate}>
                {rate}×
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
});

/**
 * A token's colour as the canvas can draw it. Tokens are written with light-dark(), which CSS
 * resolves for the current theme and a canvas does not understand: a probe element's computed
 * colour is the resolved rgb().
 */
function resolvedColour(within: HTMLElement) {
  return (token: string, fallback: string): string => {
    const probe = document.createElement('span');
    probe.style.color = `var(${token}, ${fallback})`;
    within.appendChild(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved || fallback;
  };
}
