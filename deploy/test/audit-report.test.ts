import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

// express is installed for production, jest only for development, and qs for both.
const lockfile = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'shop' },
    'services/api': { name: '@shop/api' },
    'node_modules/@shop/api': { resolved: 'services/api', link: true },
    'node_modules/express': { version: '5.1.0' },
    'node_modules/jest': { version: '30.0.0', dev: true },
    'node_modules/qs': { version: '6.14.0', dev: true },
    'node_modules/express/node_modules/qs': { version: '6.14.0' },
  },
};

type Advisory = { id: string; severity?: string; aliases?: string[]; maxSeverity?: string };

/** osv-scanner's JSON answer with the given advisories on one package version each. */
function scanOf(found: Record<string, Advisory[]>) {
  const packages = Object.entries(found).map(([id, advisories]) => {
    const [name, version] = id.split('@');
    return {
      package: { name, version, ecosystem: 'npm' },
      vulnerabilities: advisories.map((a) => ({
        id: a.id,
        summary: `${a.id} summary`,
        database_specific: a.severity ? { severity: a.severity } : {},
        affected: [
          {
            package: { name },
            ranges: [{ events: [{ introduced: '0' }, { fixed: '9.9.9' }] }],
          },
        ],
      })),
      groups: advisories.map((a) => ({
        ids: [a.id],
        aliases: a.aliases ?? [],
        max_severity: a.maxSeverity ?? '',
      })),
    };
  });
  return { results: [{ source: { path: 'package-lock.json', type: 'lockfile' }, packages }] };
}

type Accepted = { id: string; package: string; reason: string };

function audit(
  found: Record<string, Advisory[]>,
  accepted: Accepted[] = [],
  now = '2026-12-06T12:00:00Z',
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'audit-report-'));
  const file = (name: string, content: unknown) => {
    writeFileSync(path.join(dir, name), JSON.stringify(content));
    return path.join(dir, name);
  };
  const argv = [
    'deploy/bin/audit-report.mjs',
    ...['--scan', file('scan.json', scanOf(found))],
    ...['--lockfile', file('package-lock.json', lockfile)],
    ...['--allowlist', file('allowlist.json', { accepted })],
    ...['--database-records', '2', '--database-date', '2026-12-01T00:00:00Z', '--now', now],
  ];
  return new Promise<{ code: number; lines: string[] }>((resolve) => {
    execFile(process.execPath, argv, { cwd: root }, (error, stdout) => {
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: error ? Number(error.code) : 0, lines: stdout.trim().split('\n') });
    });
  });
}

/** The advisory lines printed under the section whose heading starts with `title`. */
function section(lines: string[], title: string) {
  const start = lines.findIndex((line) => line.startsWith(title));
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('  '));
  return rest.slice(0, end === -1 ? rest.length : end).map((line) => line.trim());
}

describe('when a production dependency has a high advisory', () => {
  it('lists it under production and fails', async () => {
    const { code, lines } = await audit({ 'express@5.1.0': [{ id: 'GHSA-1', severity: 'HIGH' }] });

    expect(code).toBe(1);
    expect(section(lines, 'production')).toEqual([
      'HIGH     GHSA-1 express@5.1.0 (fixed in 9.9.9): GHSA-1 summary',
    ]);
    expect(lines).toContain(
      'database: OSV npm, 2 records, newest modified 2026-12-01T00:00:00Z (5 days old)',
    );
  });

  it('passes when the allow-list accepts it under one of its aliases, with the reason shown', async () => {
    const { code, lines } = await audit(
      { 'express@5.1.0': [{ id: 'GHSA-1', aliases: ['CVE-2026-1'], severity: 'CRITICAL' }] },
      [{ id: 'CVE-2026-1', package: 'express', reason: 'the route it needs is not mounted' }],
    );

    expect(code).toBe(0);
    expect(section(lines, 'production')[0]).toMatch(
      /\[accepted: the route it needs is not mounted]$/,
    );
  });
});

describe('when only development dependencies have critical advisories', () => {
  it('lists them under development and passes', async () => {
    const { code, lines } = await audit({
      'jest@30.0.0': [{ id: 'GHSA-2', severity: 'CRITICAL' }],
    });

    expect(code).toBe(0);
    expect(lines).toContain('production dependencies (2 packages): 0 advisories');
    expect(lines).toContain('development dependencies (1 packages): 1 advisory');
    expect(section(lines, 'production')).toEqual([]);
    expect(section(lines, 'development')).toEqual([
      'CRITICAL GHSA-2 jest@30.0.0 (fixed in 9.9.9): GHSA-2 summary',
    ]);
  });
});

describe('a package version that development and production both install', () => {
  it('counts as production', async () => {
    const { code, lines } = await audit({ 'qs@6.14.0': [{ id: 'GHSA-3', severity: 'HIGH' }] });

    expect(code).toBe(1);
    expect(section(lines, 'production')).toHaveLength(1);
  });
});

describe('how severe an advisory is', () => {
  it('does not fail on a moderate production advisory', async () => {
    const { code } = await audit({ 'express@5.1.0': [{ id: 'GHSA-4', severity: 'MODERATE' }] });

    expect(code).toBe(0);
  });

  it('comes from the CVSS score when the advisory has no rating', async () => {
    const { code, lines } = await audit({ 'express@5.1.0': [{ id: 'CVE-5', maxSeverity: '9.8' }] });

    expect(code).toBe(1);
    expect(section(lines, 'production')[0]).toMatch(/^CRITICAL CVE-5 /);
  });

  it('is critical for a malicious-package record', async () => {
    const { code } = await audit({ 'express@5.1.0': [{ id: 'MAL-2026-6' }] });

    expect(code).toBe(1);
  });

  it('blocks when it is not rated at all, until someone reads it', async () => {
    const { code, lines } = await audit({ 'express@5.1.0': [{ id: 'OSV-7' }] });

    expect(code).toBe(1);
    expect(section(lines, 'production')[0]).toMatch(/^UNRATED/);
  });
});

describe('an allow-list entry that matches no advisory', () => {
  it('is named so it can be removed', async () => {
    const { lines } = await audit({}, [{ id: 'GHSA-8', package: 'express', reason: 'old' }]);

    expect(lines).toContain('allow-list entry GHSA-8 (express) matches nothing: remove it');
  });
});

describe('a database more than a week old', () => {
  it('is called out, since it cannot know newer advisories', async () => {
    const { lines } = await audit({}, [], '2026-12-09T00:00:00Z');

    expect(lines).toContain('warning: the database is over a week old; install a fresh copy');
  });

  it('is not called out within the week', async () => {
    const { lines } = await audit({});

    expect(lines.filter((line) => line.startsWith('warning'))).toEqual([]);
  });
});
