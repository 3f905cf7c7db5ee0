import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { foldCpuProfile, topSelfFrames, type CpuProfile } from './fold-cpu-profile';

// Usage: npm run flame-graph -w @headliner/load-tests -- <in.cpuprofile> <out.svg>
// Writes <out>.folded beside the SVG (greppable text of the same stacks) and prints the frames
// that spent the most CPU themselves.
const [input, output] = process.argv.slice(2);
if (!input || !output?.endsWith('.svg')) {
  console.error('usage: flame-graph <in.cpuprofile> <out.svg>');
  process.exit(2);
}
// npm runs a workspace script in the workspace's folder; paths are meant from where it was typed.
const from = process.env.INIT_CWD ?? process.cwd();
const profilePath = resolve(from, input);
const svgPath = resolve(from, output);
const foldedPath = svgPath.replace(/\.svg$/, '.folded');
const repositoryRoot = resolve(__dirname, '../../..');

const folded = foldCpuProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile);
writeFileSync(foldedPath, `${folded.join('\n')}\n`);

const inferno = execFileSync('bash', [resolve(repositoryRoot, 'deploy/bin/inferno.sh')], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
const svg = execFileSync(
  inferno,
  ['--title', basename(profilePath), '--countname', 'µs', '--width', '1600', foldedPath],
  { maxBuffer: 256 * 1024 * 1024 },
);
writeFileSync(svgPath, svg);

console.log(`${svgPath}\n${foldedPath}\nmost CPU spent in the frame itself:`);
for (const { frame, share } of topSelfFrames(folded, 15)) {
  console.log(`${(100 * share).toFixed(1).padStart(5)} %  ${frame}`);
}
