import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const diagrams = (...args: string[]) =>
  run(process.execPath, ['deploy/bin/er-diagrams.mjs', ...args], { cwd: root });

describe('the README’s database diagrams', () => {
  it('match the Prisma schemas', async () => {
    await expect(diagrams('--check')).resolves.toBeDefined();
  });

  it('are reported stale once a schema and its diagram disagree', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'er-diagrams-'));
    try {
      const readme = path.join(dir, 'README.md');
      const current = readFileSync(path.join(root, 'README.md'), 'utf8');
      writeFileSync(readme, current.replace('    bigint balance\n', ''));
      await expect(diagrams('--check', '--readme', readme)).rejects.toMatchObject({ code: 1 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('when a schema is drawn', () => {
  it('shows tables by their mapped names, keys, nullable columns and relations', async () => {
    const { stdout } = await diagrams('--schema', 'deploy/test/fixtures/tickets.prisma');

    expect(stdout.trim().split('\n')).toEqual([
      'erDiagram',
      '  holders {',
      '    uuid id PK',
      '    text email UK',
      '  }',
      '  tickets {',
      '    uuid id PK',
      '    uuid holder_id FK',
      '    TicketStatus status',
      '    text note "nullable"',
      '  }',
      '  Scan {',
      '    uuid ticket_id PK',
      '    integer gate PK',
      '  }',
      '  holders ||--o{ tickets : "holder_id"',
    ]);
  });
});
