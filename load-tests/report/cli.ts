import { writeReport } from './index';

// npx tsx load-tests/report/cli.ts <runDir> [--k6-version v1.8.1]
const usage = 'usage: tsx load-tests/report/cli.ts <runDir> [--k6-version <version>]';

async function main(args: string[]): Promise<void> {
  const [runDir, flag, k6Version, ...rest] = args;
  const flagOk = flag === undefined || (flag === '--k6-version' && k6Version !== undefined);
  if (!runDir || runDir.startsWith('-') || !flagOk || rest.length > 0) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  console.log(await writeReport(runDir, k6Version ? { k6Version } : {}));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
