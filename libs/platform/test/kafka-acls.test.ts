import { topics } from '@headliner/contracts';
import { AclOperationTypes, AclResourceTypes } from 'kafkajs';
import { serviceAcls } from '../src/messaging/kafka-acls';

const named = (service: Parameters<typeof serviceAcls>[0], namespace = '') => {
  const acls = serviceAcls(service, namespace);
  const on = (resourceType: AclResourceTypes, operation: AclOperationTypes) =>
    acls
      .filter((acl) => acl.resourceType === resourceType && acl.operation === operation)
      .map((acl) => acl.resourceName)
      .sort();
  return {
    principals: new Set(acls.map((acl) => acl.principal)),
    writes: on(AclResourceTypes.TOPIC, AclOperationTypes.WRITE),
    reads: on(AclResourceTypes.TOPIC, AclOperationTypes.READ),
    groups: on(AclResourceTypes.GROUP, AclOperationTypes.READ),
  };
};

describe('the ACLs generated from the topic registry', () => {
  it('let the wallet write only the payment answers and the DLQs of what it consumes', () => {
    const wallet = named('wallet');
    expect(wallet.principals).toEqual(new Set(['User:wallet']));
    expect(wallet.writes).toEqual(
      [
        topics.paymentCompleted.name,
        topics.paymentFailed.name,
        topics.paymentRequested.dlq,
        topics.paymentCancelled.dlq,
        topics.reservationConfirmed.dlq,
      ].sort(),
    );
    expect(wallet.writes).not.toContain(topics.paymentRequested.name);
    expect(wallet.reads).toEqual(
      [
        topics.paymentRequested.name,
        topics.paymentCancelled.name,
        topics.reservationConfirmed.name,
      ].sort(),
    );
    expect(wallet.groups).toEqual(['wallet']);
  });

  it('let the reservation read its own releases, to offer their seats to the waiting lists', () => {
    const reservation = named('reservation');
    expect(reservation.reads).toContain(topics.reservationReleased.name);
    expect(reservation.writes).toContain(topics.reservationReleased.dlq);
    expect(reservation.groups).toEqual(['reservation']);
  });

  it('give every topic exactly one producer', () => {
    for (const topic of Object.values(topics)) {
      const producers = (['reservation', 'wallet', 'concert', 'queue'] as const).filter((service) =>
        named(service).writes.includes(topic.name),
      );
      expect(producers).toEqual([topic.producer]);
    }
  });

  it('put a test system namespace in front of every topic and group', () => {
    const queue = named('queue', 'e2e-1234.');
    expect(queue.reads).toEqual([`e2e-1234.${topics.reservationConfirmed.name}`]);
    expect(queue.writes).toEqual([`e2e-1234.${topics.reservationConfirmed.dlq}`]);
    expect(queue.groups).toEqual(['e2e-1234.queue']);
  });
});
