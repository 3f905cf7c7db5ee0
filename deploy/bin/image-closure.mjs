// Lays out one service's runtime tree for its image: `node deploy/bin/image-closure.mjs <service> <out>`.
// <out> gets a package.json whose workspaces are the service and the @headliner libraries it
// depends on at run time (followed through `dependencies` only), each with its package.json
// stripped of devDependencies and scripts (npm would otherwise look the test library up in the
// registry) and its built dist/; the service also keeps prisma/ and prisma.config.ts, and the root
// depends on the Prisma CLI at the monorepo's locked version so `prisma migrate deploy` runs from
// the image. The monorepo's lockfile and patches come along, so `npm ci --omit=dev` there installs
// the same versions. Run after `turbo run build`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [service, out] = process.argv.slice(2);
if (!service || !out) {
  console.error('usage: node deploy/bin/image-closure.mjs <service> <out>');
  process.exit(2);
}

const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const lockfile = readJson(path.join(root, 'package-lock.json'));

/** Workspace folder of each @headliner package, from the lockfile's links. */
const workspaceDirs = new Map(
  Object.entries(lockfile.packages)
    .filter(([key, entry]) => key.startsWith('node_modules/@headliner/') && entry.link)
    .map(([key, entry]) => [key.slice('node_modules/'.length), entry.resolved]),
);

function runtimeClosure(start) {
  const dirs = [];
  const pending = [start];
  while (pending.length > 0) {
    const dir = pending.pop();
    if (dirs.includes(dir)) continue;
    dirs.push(dir);
    const { dependencies = {} } = readJson(path.join(root, dir, 'package.json'));
    for (const name of Object.keys(dependencies)) {
      if (workspaceDirs.has(name)) pending.push(workspaceDirs.get(name));
    }
  }
  return dirs;
}

function copyInto(dir, entry) {
  const from = path.join(root, dir, entry);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(out, dir, entry), { recursive: true });
}

const serviceDir = `services/${service}`;
if (!fs.existsSync(path.join(root, serviceDir, 'package.json'))) {
  console.error(`image-closure: no service ${service} under services/`);
  process.exit(2);
}
const dirs = runtimeClosure(serviceDir);
fs.rmSync(out, { recursive: true, force: true });
for (const dir of dirs) {
  const manifest = readJson(path.join(root, dir, 'package.json'));
  delete manifest.devDependencies;
  delete manifest.scripts;
  fs.mkdirSync(path.join(out, dir), { recursive: true });
  fs.writeFileSync(path.join(out, dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  copyInto(dir, 'dist');
}
const migrates = fs.existsSync(path.join(root, serviceDir, 'prisma'));
if (migrates) for (const entry of ['prisma', 'prisma.config.ts']) copyInto(serviceDir, entry);

const prismaVersion = lockfile.packages['node_modules/prisma'].version;
fs.writeFileSync(
  path.join(out, 'package.json'),
  `${JSON.stringify(
    {
      name: `headliner-${service}-image`,
      private: true,
      workspaces: dirs,
      ...(migrates && { dependencies: { prisma: prismaVersion } }),
    },
    null,
    2,
  )}\n`,
);
fs.copyFileSync(path.join(root, 'package-lock.json'), path.join(out, 'package-lock.json'));
fs.cpSync(path.join(root, 'patches'), path.join(out, 'patches'), { recursive: true });
console.log(
  `image-closure: ${service} -> ${out} (${dirs.join(', ')}${migrates ? ', prisma CLI' : ''})`,
);
