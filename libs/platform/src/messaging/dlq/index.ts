// Entry point `@headliner/platform/dlq`: the operators' DLQ tool (deploy/bin/dlq.mjs runs it).
export { runDlqCli, type DlqCliOptions } from './dlq-cli';
export type { RegisteredTopic } from './dlq-topic';
