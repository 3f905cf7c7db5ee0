// `node deploy/bin/audit-report.mjs --scan FILE --database-records N --database-date ISO
// [--lockfile FILE] [--allowlist FILE] [--now ISO]`: reads osv-scanner's JSON answer for package-lock.json and reports its
// advisories for production and development dependencies apart (a package is production when the
// lockfile installs that name and version anywhere without `dev: true`). Exit 1 when a production
// dependency has a high or critical advisory that deploy/audit-allowlist.json does not accept.
// A database more than a week old is named as such: an old copy finds nothing new.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    scan: { type: 'string' },
    'database-records': { type: 'string' },
    'database-date': { type: 'string' },
    now: { type: 'string' },
    lockfile: { type: 'string', default: path.join(root, 'package-lock.json') },
    allowlist: { type: 'string', default: path.join(root, 'deploy/audit-allowlist.json') },
  },
});
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** 'name@version' of every installed package, split by whether production installs it. */
function dependencyKinds(lockfile) {
  const production = new Set();
  const development = new Set();
  for (const [key, entry] of Object.entries(lockfile.packages)) {
    if (!key.includes('node_modules/') || entry.link) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    (entry.dev ? development : production).add(`${name}@${entry.version}`);
  }
  for (const id of production) development.delete(id);
  return { production, development };
}

const ranks = { LOW: 1, MODERATE: 2, HIGH: 3, CRITICAL: 4 };

/** GHSA's rating where the advisory has one, else the CVSS score osv-scanner computed. */
function severityOf(group, vulnerabilities) {
  const records = vulnerabilities.filter((v) => group.ids.includes(v.id));
  // A malicious-package record (MAL-…) has no rating: installing it is the compromise.
  if (records.some((v) => v.id.startsWith('MAL-'))) return 'CRITICAL';
  const rated = records
    .map((v) => String(v.database_specific?.severity ?? '').toUpperCase())
    .filter((s) => s in ranks)
    .sort((a, b) => ranks[b] - ranks[a]);
  if (rated.length > 0) return rated[0];
  const score = Number.parseFloat(group.max_severity);
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MODERATE';
  if (score > 0) return 'LOW';
  return 'UNRATED';
}

function fixedVersionsOf(name, vulnerabilities) {
  const fixed = vulnerabilities
    .flatMap((v) => v.affected ?? [])
    .filter((a) => a.package?.name === name)
    .flatMap((a) => a.ranges ?? [])
    .flatMap((r) => r.events ?? [])
    .map((e) => e.fixed)
    .filter(Boolean);
  return [...new Set(fixed)];
}

/** One finding per advisory group (an advisory and its aliases) per package version. */
function findingsOf(scan, allowlist) {
  const packages = (scan.results ?? []).flatMap((result) => result.packages ?? []);
  return packages.flatMap(({ package: pkg, vulnerabilities = [], groups = [] }) =>
    groups.map((group) => {
      const ids = [...new Set([...group.ids, ...(group.aliases ?? [])])];
      const accepted = allowlist.find((a) => a.package === pkg.name && ids.includes(a.id));
      const summary = vulnerabilities.find((v) => group.ids.includes(v.id))?.summary ?? '';
      return {
        id: group.ids[0],
        ids,
        package: `${pkg.name}@${pkg.version}`,
        severity: severityOf(group, vulnerabilities),
        fixedIn: fixedVersionsOf(pkg.name, vulnerabilities),
        summary,
        accepted,
      };
    }),
  );
}

// Most severe first; UNRATED (no rank) sorts above CRITICAL, as it is unread.
const bySeverity = (a, b) => (ranks[b.severity] ?? 5) - (ranks[a.severity] ?? 5);
const advisories = (n) => `${n} ${n === 1 ? 'advisory' : 'advisories'}`;
const blocks = (finding) => !finding.accepted && !['LOW', 'MODERATE'].includes(finding.severity);

function printSection(title, count, findings) {
  console.log(`${title} (${count} packages): ${advisories(findings.length)}`);
  for (const f of [...findings].sort(bySeverity)) {
    const fixed = f.fixedIn.length > 0 ? ` (fixed in ${f.fixedIn.join(', ')})` : ' (no fix)';
    const accepted = f.accepted ? ` [accepted: ${f.accepted.reason}]` : '';
    console.log(`  ${f.severity.padEnd(8)} ${f.id} ${f.package}${fixed}: ${f.summary}${accepted}`);
  }
}

const allowlist = readJson(args.allowlist).accepted;
const kinds = dependencyKinds(readJson(args.lockfile));
const findings = findingsOf(readJson(args.scan), allowlist);
const production = findings.filter((f) => kinds.production.has(f.package));
const development = findings.filter((f) => !kinds.production.has(f.package));

const age = Math.floor(
  (Date.parse(args.now ?? new Date().toISOString()) - Date.parse(args['database-date'])) /
    86_400_000,
);
console.log(
  `database: OSV npm, ${args['database-records']} records, newest modified ` +
    `${args['database-date']} (${age} days old)`,
);
// Written so that a date that does not parse (NaN) warns too.
if (!(age <= 7)) console.log('warning: the database is over a week old; install a fresh copy');
printSection('production dependencies', kinds.production.size, production);
printSection('development dependencies', kinds.development.size, development);
for (const entry of allowlist.filter((a) => !findings.some((f) => f.accepted === a))) {
  console.log(`allow-list entry ${entry.id} (${entry.package}) matches nothing: remove it`);
}
const blocking = production.filter(blocks);
console.log(
  `audit: production ${advisories(production.length)} (${blocking.length} high or critical ` +
    `not accepted), development ${advisories(development.length)}`,
);
process.exitCode = blocking.length > 0 ? 1 : 0;
