/** What the clinician reads when a call fails: the core's message, written for them. */
export function errorMessage(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
