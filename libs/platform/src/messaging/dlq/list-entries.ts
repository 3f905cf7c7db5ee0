import type { DlqCommand } from './dlq-arguments';
import type { DlqSession } from './dlq-session';
import { entryDocument, entryLine } from './entry-lines';
import { readDlq } from './read-dlq';

/** `list`: a line per selected entry after a count of what the DLQ holds. */
export async function listEntries(session: DlqSession, command: DlqCommand): Promise<number> {
  const { entries, pending, selected } = await readDlq(session, command.selection);
  if (command.json) {
    for (const selectedEntry of selected)
      session.print(JSON.stringify(entryDocument(selectedEntry)));
    return 0;
  }
  session.print(
    `${session.dlqTopic}: ${entries.length} parked, ${pending} still to handle; ${selected.length} selected`,
  );
  for (const selectedEntry of selected) session.print(entryLine(selectedEntry));
  return 0;
}

/** `show`: every detail of each selected entry, as JSON. */
export async function showEntries(session: DlqSession, command: DlqCommand): Promise<number> {
  const { selected } = await readDlq(session, command.selection);
  for (const selectedEntry of selected) {
    const document = entryDocument(selectedEntry);
    session.print(command.json ? JSON.stringify(document) : JSON.stringify(document, null, 2));
  }
  return 0;
}
