// What the generators of committed files share (deploy/bin/k8s-*.mjs, the Grafana dashboards'):
// write each generated file, or with --check exit 1 naming each committed one that differs from
// what its source makes (deploy/test/k8s-generated.test.ts, grafana-dashboards.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import YAML from 'yaml';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Manifests as one YAML stream under a header comment, formatted as `npm test` checks. */
export async function manifestsFile(relative, header, manifests) {
  const comment = header.map((line) => `# ${line}`.trimEnd()).join('\n');
  const body = manifests
    .map((manifest) => YAML.stringify(manifest, { lineWidth: 0 }))
    .join('---\n');
  const file = path.join(root, relative);
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  return { file, text: await prettier.format(`${comment}\n${body}`, options) };
}

/**
 * Writes the files, or with --check in argv reports the stale ones; exits accordingly.
 * `generator`: the script's path from the repository's root, for the message.
 */
export function writeOrCheck(files, generator) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, text } of files) {
    const relative = path.relative(root, file);
    if (!check) {
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
      console.error(`${relative} differs from its source: run node ${generator}`);
      stale += 1;
    }
  }
  process.exit(stale === 0 ? 0 : 1);
}
