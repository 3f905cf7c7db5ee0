import { logLevel } from 'kafkajs';
import { levelOfKafkaLog } from '../src/messaging/kafka-client';

describe('when kafkajs logs', () => {
  it('keeps a broker error answer it retries itself at warn', () => {
    expect(levelOfKafkaLog(logLevel.ERROR, 'Response ListOffsets(key: 2, version: 3)')).toBe(
      'warn',
    );
  });

  it('keeps its own failures at error and everything milder at warn', () => {
    expect(levelOfKafkaLog(logLevel.ERROR, 'Crash: KafkaJSNumberOfRetriesExceeded')).toBe('error');
    expect(levelOfKafkaLog(logLevel.WARN, 'Restarting the consumer in 300ms')).toBe('warn');
  });
});
