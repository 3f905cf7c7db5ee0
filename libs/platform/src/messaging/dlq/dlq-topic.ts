/** The slice of the contracts' topic registry the DLQ tool needs. */
export interface RegisteredTopic {
  name: string;
  dlq: string;
  events: readonly { type: string }[];
}

/**
 * The DLQ a `--topic` names: the DLQ of the registered topic carrying that event type
 * (`payment.requested`) or with that name, under the namespace; otherwise the name as given,
 * with `.dlq` added unless it ends so already.
 */
export function dlqTopicNamed(
  given: string,
  registry: readonly RegisteredTopic[],
  namespace: string,
): string {
  const registered = registry.find(
    (topic) =>
      topic.events.some((event) => event.type === given) ||
      topic.name === given ||
      topic.dlq === given,
  );
  if (registered) return namespace + registered.dlq;
  return given.endsWith('.dlq') ? given : `${given}.dlq`;
}
