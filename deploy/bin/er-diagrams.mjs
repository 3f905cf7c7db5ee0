// `node deploy/bin/er-diagrams.mjs [--write | --check] [--readme FILE] [--schema FILE]`: an
// entity-relationship diagram (Mermaid) of each service database, read from its Prisma schema;
// printed, written into the README between the er-diagrams markers (--write), or compared with
// it (--check: exit 1 when stale, as deploy/test/er-diagrams.test.ts asks). --schema prints one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { databaseOwners } from '@headliner/system';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const readmeMarkers = ['<!-- er-diagrams:start -->', '<!-- er-diagrams:end -->'];

const scalarTypes = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double',
  Decimal: 'decimal',
  Boolean: 'boolean',
  DateTime: 'timestamp',
  Json: 'jsonb',
  Bytes: 'bytea',
};

/** The Mermaid erDiagram of one Prisma schema: tables, columns with PK/FK/UK, relations. */
export function erDiagramOf(schema) {
  const blocks = [...schema.matchAll(/^(model|enum) (\w+) \{\n([\s\S]*?)^\}/gm)];
  const enums = new Set(blocks.filter(([, kind]) => kind === 'enum').map(([, , name]) => name));
  const models = blocks
    .filter(([, kind]) => kind === 'model')
    .map(([, , name, body]) => ({ name, body }));
  const tableOf = new Map(
    models.map(({ name, body }) => [name, mapped(body, /^\s*@@map\("([^"]+)"\)/m) ?? name]),
  );
  const lines = ['erDiagram'];
  const relations = [];
  for (const { name, body } of models) {
    const fields = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('//') && !line.startsWith('@@'))
      .map((line) => line.match(/^(\w+)\s+(\w+)(\[\]|\?)?\s*(.*)$/))
      .filter(Boolean);
    const compositeId =
      body
        .match(/@@id\(\[([^\]]+)\]\)/)?.[1]
        .split(',')
        .map((f) => f.trim()) ?? [];
    const foreign = new Set();
    for (const [, , type, , attributes] of fields) {
      const relation = attributes.match(/@relation\(fields: \[([^\]]+)\]/);
      if (!tableOf.has(type) || !relation) continue;
      relation[1].split(',').forEach((field) => foreign.add(field.trim()));
      relations.push(
        `  ${tableOf.get(type)} ||--o{ ${tableOf.get(name)} : "${columnsOf(fields, relation[1])}"`,
      );
    }
    lines.push(`  ${tableOf.get(name)} {`);
    for (const [, field, type, modifier, attributes] of fields) {
      if (tableOf.has(type)) continue;
      const column = mapped(attributes, /@map\("([^"]+)"\)/) ?? field;
      const native = attributes.match(/@db\.(\w+)/)?.[1]?.toLowerCase();
      const keys = [
        attributes.includes('@id') || compositeId.includes(field) ? 'PK' : '',
        foreign.has(field) ? 'FK' : '',
        attributes.includes('@unique') ? 'UK' : '',
      ].filter(Boolean);
      const columnType = enums.has(type) ? type : (native ?? scalarTypes[type] ?? type);
      const nullable = modifier === '?' ? ' "nullable"' : '';
      lines.push(
        `    ${columnType} ${column}${keys.length ? ` ${keys.join(', ')}` : ''}${nullable}`,
      );
    }
    lines.push('  }');
  }
  return [...lines, ...relations].join('\n');
}

function mapped(text, pattern) {
  return text.match(pattern)?.[1];
}

function columnsOf(fields, names) {
  return names
    .split(',')
    .map((name) => {
      const field = fields.find(([, candidate]) => candidate === name.trim());
      return mapped(field?.[4] ?? '', /@map\("([^"]+)"\)/) ?? name.trim();
    })
    .join(', ');
}

/** The README section between the markers: one diagram per service database. */
export function diagramsSection() {
  const diagrams = databaseOwners.map((owner) => {
    const schema = readFileSync(path.join(root, `services/${owner}/prisma/schema.prisma`), 'utf8');
    return `**${owner}**\n\n\`\`\`mermaid\n${erDiagramOf(schema)}\n\`\`\``;
  });
  return [readmeMarkers[0], ...diagrams, readmeMarkers[1]].join('\n\n');
}

/** The README with its diagrams section replaced by the current one. */
export function readmeWithDiagrams(readme) {
  const [start, end] = readmeMarkers;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return readme.slice(0, from) + diagramsSection() + readme.slice(to + end.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      write: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      readme: { type: 'string', default: path.join(root, 'README.md') },
      schema: { type: 'string' },
    },
  });
  const readme = () => readFileSync(values.readme, 'utf8');
  if (values.schema) {
    console.log(erDiagramOf(readFileSync(values.schema, 'utf8')));
  } else if (values.write) {
    writeFileSync(values.readme, readmeWithDiagrams(readme()));
    console.log(`${values.readme}: entity-relationship diagrams written`);
  } else if (values.check) {
    if (readmeWithDiagrams(readme()) !== readme()) {
      console.error(
        `${values.readme}: the database diagrams are stale; run node deploy/bin/er-diagrams.mjs --write`,
      );
      process.exit(1);
    }
  } else {
    console.log(diagramsSection());
  }
}
