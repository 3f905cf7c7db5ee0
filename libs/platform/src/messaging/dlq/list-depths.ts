import type { DlqSession } from './dlq-session';
import { readDlq } from './read-dlq';

/** `list` without a topic: how full each DLQ is, so an operator sees where to look. */
export async function listDepths(sessions: DlqSession[]): Promise<number> {
  for (const session of sessions) {
    if (!(await session.admin.listTopics()).includes(session.dlqTopic)) {
      session.print(`${session.dlqTopic}: no such topic yet`);
      continue;
    }
    const { entries, pending } = await readDlq(session, { positions: [], includeHandled: true });
    session.print(`${session.dlqTopic}: ${entries.length} parked, ${pending} still to handle`);
  }
  return 0;
}
