// `node deploy/observability/grafana/generator/generate.mjs [--check] [--dir DIR]`: writes the
// dashboards this folder defines as code into ../dashboards/<uid>.json (what Grafana's
// provisioning loads), or with --check exits 1 naming each committed file that differs from its
// definition (deploy/test/grafana-dashboards.test.ts runs it). --dir reads or writes elsewhere.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import prettier from 'prettier';
import { root, writeOrCheck } from '../../../bin/k8s-generated.mjs';
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

writeOrCheck(await Promise.all(dashboards.map(rendered)), path.relative(root, self));
