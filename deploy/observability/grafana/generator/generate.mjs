// `node deploy/observability/grafana/generator/generate.mjs [--check] [--dir DIR]`: writes the
// dashboards this folder defines as code into ../dashboards/<uid>.json (what Grafana's
// provisioning loads), or with --check exits 1 naming each committed file that differs from its
// definition (deploy/test/grafana-dashboards.test.ts runs it). --dir reads or writes elsewhere.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { loadTest } from './load-test.mjs';
import { overview } from './overview.mjs';

const dashboards = [overview, loadTest];
const self = fileURLToPath(import.meta.url);
const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    dir: { type: 'string', default: path.resolve(path.dirname(self), '../dashboards') },
  },
});

/** The file a dashboard is provisioned from and its text, formatted as `npm test` checks. */
async function rendered(dashboard) {
  const file = path.join(values.dir, `${dashboard.uid}.json`);
  return { file, text: await prettier.format(JSON.stringify(dashboard), { filepath: file }) };
}

let stale = 0;
for (const dashboard of dashboards) {
  const { file, text } = await rendered(dashboard);
  const relative = path.relative(process.cwd(), file);
  if (!values.check) {
    writeFileSync(file, text);
    console.log(`wrote ${relative}`);
    continue;
  }
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // A missing file is stale like a changed one.
  }
  if (committed !== text) {
    console.error(
      `${relative} differs from its definition: run node ${path.relative(process.cwd(), self)}`,
    );
    stale += 1;
  }
}
process.exit(stale === 0 ? 0 : 1);
