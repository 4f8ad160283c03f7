import type { MethodName } from '../../../shared/api/contract';

/** What may still be asked while the library is being copied, or after it moved. */
const ALLOWED_WHILE_FROZEN: ReadonlySet<MethodName> = new Set([
  'app.info',
  'library.location',
  'settings.get',
]);

/**
 * While the library is copied to a new folder, and after it moved until Cairn restarts, nothing
 * may write to it: a change made then would exist only in the folder Cairn is leaving. Calls
 * already running finish before the copy starts; new ones are refused with the reason.
 */
export class LibraryFreeze {
  private reason: string | null = null;

  constructor(private readonly settleOthers: () => Promise<void>) {}

  /** Why `method` is refused now, or null when it may run. */
  refusal(method: string): string | null {
    if (this.reason === null || ALLOWED_WHILE_FROZEN.has(method as MethodName)) return null;
    return this.reason;
  }

  get frozen(): boolean {
    return this.reason !== null;
  }

  /** Refuses new calls from now on, then waits for the ones already running to finish. */
  async begin(reason: string): Promise<void> {
    this.reason = reason;
    await this.settleOthers();
  }

  /** The move failed: the library stays here and works as before. */
  cancel(): void {
    this.reason = null;
  }

  /** The move is done: this library stays refused until Cairn restarts on the new one. */
  finish(reason: string): void {
    this.reason = reason;
  }
}
