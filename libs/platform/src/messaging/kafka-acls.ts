import { topics, topicsToCreate, type EventService, type Topic } from '@headliner/contracts';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Admin,
} from 'kafkajs';

/** Every service that talks to Kafka, each logging in as the principal of its name. */
export const eventServices: readonly EventService[] = ['reservation', 'wallet', 'concert', 'queue'];

const registry: readonly Topic[] = Object.values(topics);

/**
 * What one service's principal may do under a namespace, from the contracts' topic registry:
 * produce the topics it owns; read the topics it consumes, write their DLQs and use its consumer
 * group (named after the service, as consume() names it); create, describe and configure the
 * topics it ensures at start (all of the registry's, see ensureTopics). Nothing else: a wallet
 * cannot produce payment.requested, nor anyone read a group that is not theirs.
 */
export function serviceAcls(service: EventService, namespace = ''): AclEntry[] {
  const allow = (
    resourceType: AclResourceTypes,
    name: string,
    operations: AclOperationTypes[],
  ): AclEntry[] =>
    operations.map((operation) => ({
      resourceType,
      resourceName: namespace + name,
      resourcePatternType: ResourcePatternTypes.LITERAL,
      principal: `User:${service}`,
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    }));
  const { TOPIC, GROUP } = AclResourceTypes;
  const { WRITE, READ, CREATE, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS } = AclOperationTypes;
  const produced = registry.filter((topic) => topic.producer === service);
  const consumed = registry.filter((topic) => topic.consumers.includes(service));
  return [
    ...produced.flatMap((topic) => allow(TOPIC, topic.name, [WRITE])),
    ...consumed.flatMap((topic) => [
      ...allow(TOPIC, topic.name, [READ]),
      ...allow(TOPIC, topic.dlq, [WRITE]),
    ]),
    ...(consumed.length > 0 ? allow(GROUP, service, [READ]) : []),
    ...topicsToCreate().flatMap((topic) =>
      allow(TOPIC, topic.name, [CREATE, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS]),
    ),
  ];
}

/** Every service's ACLs under a namespace. */
export function systemAcls(namespace = ''): AclEntry[] {
  return eventServices.flatMap((service) => serviceAcls(service, namespace));
}

/** Grants every service its ACLs under the namespace (again: the broker keeps one of each). */
export async function grantSystemAcls(admin: Admin, namespace = ''): Promise<void> {
  await admin.createAcls({ acl: systemAcls(namespace) });
}

/** Takes back what grantSystemAcls granted, when a test system's namespace goes. */
export async function revokeSystemAcls(admin: Admin, namespace = ''): Promise<void> {
  await admin.deleteAcls({ filters: systemAcls(namespace) });
}
