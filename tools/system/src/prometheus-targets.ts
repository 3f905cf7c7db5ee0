import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './repository';
import { serviceNames, type Service } from './services';

// The folder of target files the local Prometheus watches (deploy/infra/prometheus.sh): a file
// dropped there is scraped within a scrape interval, one removed is dropped. npm start's system
// is `local` while it runs (local-system.ts); a test's system is its own.
const targetsDir = path.join(repositoryRoot, '.local/run/prometheus/targets');

/**
 * Has the local Prometheus scrape one system's five management ports, labelled
 * system=<system> and service/job=<service>; the returned function stops it.
 */
export function scrapeSystem(
  system: string,
  managementUrl: (service: Service) => string,
): () => void {
  const groups = serviceNames.map((service) => ({
    targets: [new URL(managementUrl(service)).host],
    labels: { service, system },
  }));
  const file = path.join(targetsDir, `${system}.json`);
  mkdirSync(targetsDir, { recursive: true });
  // Written whole, then renamed: Prometheus must never read half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(groups));
  renameSync(`${file}.tmp`, file);
  return () => rmSync(file, { force: true });
}
