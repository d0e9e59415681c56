/**
 * Event types that only the libraries' own integration tests publish (libs/messaging/test), on the same run-wide
 * stream as the product's events. They are no product event, so the AsyncAPI document rightly has no message for
 * them; e2e/contracts/asyncapi-contract.e2e-spec.ts leaves them out of "every event on the stream".
 */
export const LIBRARY_TEST_EVENT_TYPES = ['identity.counter.bumped.v1'] as const;

export function isLibraryTestEvent(event: { type?: unknown }): boolean {
  return (LIBRARY_TEST_EVENT_TYPES as readonly unknown[]).includes(event.type);
}
