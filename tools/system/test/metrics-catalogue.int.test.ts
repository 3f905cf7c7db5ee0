import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSystem, type System } from '../src/fresh-system';
import { serviceNames, type Service } from '../src/services';

jest.setTimeout(120_000);

// Ten ports of its own above the end-to-end tests' base, clear of the observability suite's (+40).
const portBase = Number(process.env.E2E_PORT_BASE ?? 18080) + 80;
const cataloguePath = join(__dirname, '../../../docs/observability/metrics.md');

interface CatalogueEntry {
  type: string;
  labels: Set<string>;
  services: Set<string>;
}

/** The catalogue's table rows: | `name` | type | `label`, … | services or all | meaning |. */
function readCatalogue(): Map<string, CatalogueEntry> {
  const entries = new Map<string, CatalogueEntry>();
  for (const line of readFileSync(cataloguePath, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`([a-z0-9_:]+)`$/.exec(cells[1] ?? '')?.[1];
    if (!name) continue;
    const words = (cell = '') => cell.match(/[a-z_]+/g) ?? [];
    const services = cells[4] === 'all' ? serviceNames : words(cells[4]);
    entries.set(name, {
      type: cells[2] ?? '',
      labels: new Set(words(cells[3])),
      services: new Set(services),
    });
  }
  return entries;
}

/** Each metric family a /metrics page declares, with the label names its samples carry. */
function readExposition(text: string): Map<string, { type: string; labels: Set<string> }> {
  const families = new Map<string, { type: string; labels: Set<string> }>();
  for (const line of text.split('\n')) {
    const declared = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (declared) families.set(declared[1]!, { type: declared[2]!, labels: new Set() });
    const sample = /^([a-z0-9_:]+)\{([^}]*)\}/.exec(line);
    if (!sample) continue;
    const family =
      families.get(sample[1]!) ?? families.get(sample[1]!.replace(/_(bucket|sum|count)$/, ''));
    for (const [, label] of sample[2]!.matchAll(/([a-z_]+)="/g)) {
      if (label !== 'le' && label !== 'quantile') family?.labels.add(label!);
    }
  }
  return families;
}

describe('the metrics catalogue (docs/observability/metrics.md)', () => {
  let system: System;
  const catalogue = readCatalogue();

  beforeAll(async () => {
    system = await startSystem({}, { portBase });
    // A read through the gateway to the catalogue: request series to check the labels of.
    expect((await fetch(`${system.gatewayUrl}/api/v1/concerts`)).status).toBe(200);
  });
  afterAll(() => system?.stop());

  it.each(serviceNames)(
    'lists every metric %s exposes, with its type and labels',
    async (service) => {
      const exposed = readExposition(
        await (await fetch(`${system.managementUrl(service as Service)}/metrics`)).text(),
      );
      const listed = [...catalogue].filter(([, entry]) => entry.services.has(service));

      expect([...exposed.keys()].sort()).toEqual(listed.map(([name]) => name).sort());
      for (const [name, { type, labels }] of exposed) {
        const entry = catalogue.get(name);
        expect({ name, type }).toEqual({ name, type: entry?.type });
        expect({
          name,
          unlisted: [...labels].filter((label) => !entry?.labels.has(label)),
        }).toEqual({
          name,
          unlisted: [],
        });
      }
    },
  );
});
