import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { ADDENDUM } from '../search/search-words';

/** What a link into the desk can ask for (a search hit's address). */
export interface DeskTarget {
  /** `?segment=<id>`: the transcript at that segment. */
  segmentId: string | null;
  /** `?t=<ms>`: the audio at that moment (the segment's start). */
  seconds: number | null;
  /** `?section=<key>`: the note at that section (`addendum`: its addenda). */
  section: string | null;
}

/** Waiting longer than this for a note section means the note has no such section. */
const SECTION_WAIT_MS = 10_000;

/**
 * Opens the desk where a link asked: `?segment=…&t=…` scrolls the transcript to the segment,
 * lights it and seeks the audio there (without playing), `?section=…` brings the note's section
 * into view with the focus. Done once per address when the page is `ready`, so a reload or a link
 * opened directly lands in the same place, and data refreshing later does not pull the page back.
 */
export function useSearchTarget(
  ready: boolean,
  openSegment: (segmentId: string | null, seconds: number | null) => void,
): void {
  const [params] = useSearchParams();
  const t = Number.parseInt(params.get('t') ?? '', 10);
  const target: DeskTarget = {
    segmentId: params.get('segment'),
    seconds: Number.isFinite(t) && t >= 0 ? t / 1000 : null,
    section: params.get('section'),
  };
  const key = JSON.stringify(target);
  const handled = useRef<string | null>(null);
  const latest = useRef(openSegment);
  useEffect(() => {
    latest.current = openSegment;
  });
  useEffect(() => {
    if (!ready || handled.current === key) return;
    handled.current = key;
    const { segmentId, seconds, section } = JSON.parse(key) as DeskTarget;
    if (segmentId !== null || seconds !== null) latest.current(segmentId, seconds);
    if (section === null) return;
    const stop = focusWhenShown(
      section === ADDENDUM
        ? 'section.addenda'
        : `fieldset.note-section[data-section="${CSS.escape(section)}"]`,
    );
    return () => {
      // Stopped before it was done (the page left, or React trying the effect twice): not handled.
      stop();
      handled.current = null;
    };
  }, [ready, key]);
}

/**
 * Scrolls to and focuses the element once it is on the page (the note loads after the desk), or
 * gives up after SECTION_WAIT_MS. Returns a stop for a page left before then.
 */
function focusWhenShown(selector: string): () => void {
  const focus = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) return false;
    // A fieldset takes the focus only when told it may; it stays out of the Tab order.
    if (!element.hasAttribute('tabindex')) element.tabIndex = -1;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
    return true;
  };
  if (focus()) return () => undefined;
  const observer = new MutationObserver(() => {
    if (focus()) stop();
  });
  const timer = window.setTimeout(() => stop(), SECTION_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(document.body, { childList: true, subtree: true });
  return stop;
}
