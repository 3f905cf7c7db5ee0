import type { DlqCommand } from './dlq-arguments';
import { entryPositionLabel } from './dlq-entry';
import type { SelectedEntry } from './dlq-selection';
import type { DlqSession } from './dlq-session';
import { recordHandled } from './handled-journal';
import { actionLogFields, handledRecordOf } from './operator-action';
import { readDlq } from './read-dlq';
import { replayMessage } from './replay-message';

/**
 * Publishes each selected entry again to the topic it was consumed from, then records it as
 * replayed. A crash in between leaves it pending, and replaying it again is harmless (the
 * consumers' inbox), so the order is publish first. Returns how many could not be replayed.
 */
export async function replayEntries(session: DlqSession, command: DlqCommand): Promise<number> {
  const { selected } = await readDlq(session, command.selection);
  let refused = 0;
  for (const selectedEntry of selected) {
    if (!(await replayEntry(session, command, selectedEntry))) refused += 1;
  }
  session.print(
    `${command.dryRun ? 'would replay' : 'replayed'} ${selected.length - refused} of ${selected.length} selected`,
  );
  return refused;
}

async function replayEntry(
  session: DlqSession,
  command: DlqCommand,
  selectedEntry: SelectedEntry,
): Promise<boolean> {
  const { dlqTopic, logger } = session;
  const { entry } = selectedEntry;
  const sourceTopic = entry.failure['source-topic'];
  const label = entryPositionLabel(entry);
  const action = { ...actionLogFields('replay', session, command, selectedEntry), sourceTopic };
  if (sourceTopic === undefined) {
    logger.error(action, 'dlq entry names no source topic; not replayed');
    session.print(`${label}: no dlq-source-topic header, not replayed`);
    return false;
  }
  if (command.dryRun) {
    logger.info(action, 'dlq entry would be replayed');
    session.print(`would replay ${label} (${entry.eventType} ${entry.eventId}) to ${sourceTopic}`);
    return true;
  }
  const [sent] = await session.producer.send({
    topic: sourceTopic,
    acks: -1,
    messages: [replayMessage(entry, dlqTopic)],
  });
  const replayedTo = { topic: sourceTopic, partition: sent!.partition, offset: sent!.baseOffset! };
  await recordHandled(session.kafka, session.admin, session.producer, {
    ...handledRecordOf('replayed', session, command, selectedEntry),
    replayedTo,
  });
  logger.info({ ...action, replayedTo }, 'dlq entry replayed');
  session.print(
    `replayed ${label} (${entry.eventType} ${entry.eventId}) to ${sourceTopic} ${replayedTo.partition}:${replayedTo.offset}`,
  );
  return true;
}
