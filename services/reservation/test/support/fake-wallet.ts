import { randomUUID } from 'node:crypto';
import {
  newEvent,
  parseEvent,
  PaymentCompletedEvent,
  PaymentFailedEvent,
  type PaymentFailureReason,
  type PaymentRequestedPayload,
  type TopicNames,
} from '@headliner/contracts';
import type { Kafka } from 'kafkajs';

export type WalletAnswer =
  { pay: true; balance: number } | { pay: false; reason: PaymentFailureReason } | { pay: 'never' };

export type Wallet = (request: PaymentRequestedPayload) => WalletAnswer | Promise<WalletAnswer>;

/**
 * Stands in for the wallet service over the real Kafka path: consumes payment.requested and
 * answers with payment.completed or payment.failed, as `wallet` decides per request.
 */
export async function startFakeWallet(kafka: Kafka, topics: TopicNames, wallet: Wallet) {
  const requested: PaymentRequestedPayload[] = [];
  const producer = kafka.producer();
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `fake-wallet-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: topics.paymentRequested, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = parseEvent(message.value);
      if (event.type !== 'payment.requested') return;
      const request = event.payload;
      requested.push(request);
      // Answered off the consumer's loop, so a held-back answer does not hold up the others.
      void Promise.resolve(wallet(request)).then(async (answer) => {
        if (answer.pay === 'never') return;
        const reply = answer.pay
          ? newEvent(PaymentCompletedEvent, { ...request, balance: answer.balance })
          : newEvent(PaymentFailedEvent, { ...request, reason: answer.reason });
        const topic = answer.pay ? topics.paymentCompleted : topics.paymentFailed;
        await producer.send({
          topic,
          messages: [{ key: request.reservationId, value: JSON.stringify(reply) }],
        });
      });
    },
  });
  return {
    requested,
    stop: async () => {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
