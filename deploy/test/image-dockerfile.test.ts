import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// The fast half of the image proof (npm run image-check builds and runs the images).
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const dockerfile = readFileSync(path.join(root, 'deploy/images/Dockerfile'), 'utf8');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const lockfile = readJson(path.join(root, 'package-lock.json'));
const workspaces = Object.entries(
  lockfile.packages as Record<string, { link?: boolean; resolved?: string }>,
)
  .filter(([key, entry]) => key.startsWith('node_modules/@headliner/') && entry.link)
  .map(([, entry]) => entry.resolved!);

describe('the Dockerfile', () => {
  it('copies every workspace’s package.json before npm ci, which checks the lockfile against all', () => {
    const install = dockerfile.indexOf('RUN npm ci');
    for (const dir of workspaces) {
      const copy = dockerfile.indexOf(`COPY ${dir}/package.json ${dir}/`);
      expect({ dir, copied: copy >= 0 && copy < install }).toEqual({ dir, copied: true });
    }
  });

  it('copies the configuration every tsconfig and turbo read', () => {
    expect(dockerfile).toMatch(
      /^COPY package\.json package-lock\.json tsconfig\.base\.json turbo\.json \.\/$/m,
    );
  });

  it('runs node itself as the command, as a non-root user, from a runtime stage without npm', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^USER 10001:10001$/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/main\.js"\]$/m);
    expect(runtime).not.toMatch(/^(RUN|COPY)\b.*\bnpm\b/m);
    expect(runtime).not.toMatch(/--chown/);
  });
});

describe('a service image’s runtime tree', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(tmpdir(), 'image-closure-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const closure = async (service: string) => {
    await run(process.execPath, ['deploy/bin/image-closure.mjs', service, out], { cwd: root });
    return readJson(path.join(out, 'package.json'));
  };

  it('holds the service and the libraries it runs with, and the Prisma CLI when it migrates', async () => {
    const manifest = await closure('wallet');
    expect([...manifest.workspaces].sort()).toEqual([
      'libs/contracts',
      'libs/platform',
      'services/wallet',
    ]);
    expect(manifest.dependencies).toEqual({
      prisma: lockfile.packages['node_modules/prisma'].version,
    });
    expect(existsSync(path.join(out, 'services/wallet/prisma/migrations'))).toBe(true);
    expect(existsSync(path.join(out, 'services/wallet/prisma.config.ts'))).toBe(true);
  });

  it('leaves out development dependencies, so npm never looks up the test library', async () => {
    await closure('reservation');
    const service = readJson(path.join(out, 'services/reservation/package.json'));
    expect(service.devDependencies).toBeUndefined();
    expect(service.scripts).toBeUndefined();
    expect(service.dependencies['@headliner/platform']).toBeDefined();
  });

  it('carries no Prisma CLI for the queue, which has no database', async () => {
    const manifest = await closure('queue');
    expect(manifest.dependencies).toBeUndefined();
    expect(existsSync(path.join(out, 'services/queue/prisma.config.ts'))).toBe(false);
  });

  it('refuses a service that does not exist', async () => {
    await expect(closure('ticketing')).rejects.toMatchObject({ code: 2 });
  });
});
