/** A message that can never succeed (malformed, unknown version): dead-letter it at once. */
export class NonRetriableError extends Error {
  override readonly name = 'NonRetriableError';
}
