import { logLevel } from 'kafkajs';
import { levelOfKafkaLog } from '../src/messaging/kafka-client';

describe('when kafkajs logs', () => {
  it('keeps a broker error answer it retries itself at warn', () => {
    expect(levelOfKafkaLog(logLevel.ERROR, 'Response ListOffsets(key: 2, version: 3)')).toBe(
      'warn',
    );
  });

  it('keeps a consumer crash and its restart at warn, as the consumer reports the crash itself', () => {
    const crash = 'Crash: KafkaJSNumberOfRetriesExceeded: The group coordinator is not available';
    expect(levelOfKafkaLog(logLevel.ERROR, crash)).toBe('warn');
    expect(levelOfKafkaLog(logLevel.ERROR, 'Restarting the consumer in 300ms')).toBe('warn');
  });

  it('keeps its own other failures at error and everything milder at warn', () => {
    expect(levelOfKafkaLog(logLevel.ERROR, 'Failed to send messages: timed out')).toBe('error');
    expect(levelOfKafkaLog(logLevel.WARN, 'Consumer group received unsubscribed topics')).toBe(
      'warn',
    );
  });
});
