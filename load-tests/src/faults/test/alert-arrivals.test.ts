import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alertArrivals, firstFiring } from '../alert-arrivals';

// Lines as deploy/bin/alert-receiver.mjs writes them, titles as slack.tmpl renders them.
const line = (receivedAt: string, ...titles: string[]) =>
  JSON.stringify({
    receivedAt,
    path: '/alerts',
    message: { channel: '#headliner-page', attachments: titles.map((title) => ({ title })) },
  });

function receiverFile(lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'alerts-')), 'alerts.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe("the alert receiver's file, read for one system", () => {
  const file = receiverFile([
    line('2026-12-07T03:00:00.000Z', '[FIRING:1] HeadlinerServiceDown (page) system=drill-a'),
    line(
      '2026-12-07T03:00:10.000Z',
      '[FIRING:2] HeadlinerServiceRestarted (ticket) system=drill-b service=wallet',
    ),
    line(
      '2026-12-07T03:00:20.000Z',
      '[RESOLVED] HeadlinerServiceRestarted (ticket) system=drill-b service=wallet',
    ),
    line('2026-12-07T03:00:30.000Z', '[FIRING:1] HeadlinerDlqGrowing (ticket) system=drill-bb'),
  ]);

  it("gives that system's messages in order, with status, name, severity and service", () => {
    expect(alertArrivals(file, 'drill-b')).toEqual([
      {
        at: Date.parse('2026-12-07T03:00:10.000Z'),
        status: 'firing',
        alertname: 'HeadlinerServiceRestarted',
        severity: 'ticket',
        service: 'wallet',
      },
      {
        at: Date.parse('2026-12-07T03:00:20.000Z'),
        status: 'resolved',
        alertname: 'HeadlinerServiceRestarted',
        severity: 'ticket',
        service: 'wallet',
      },
    ]);
  });

  it('leaves out a system whose name only starts the same', () => {
    expect(alertArrivals(file, 'drill-b').map((arrival) => arrival.alertname)).not.toContain(
      'HeadlinerDlqGrowing',
    );
  });

  it('is empty before the receiver has written anything', () => {
    expect(alertArrivals('/nonexistent/alerts.jsonl', 'drill-a')).toEqual([]);
  });
});

describe("the first firing message of a fault's alerts", () => {
  const at = (second: number) => Date.parse('2026-12-07T03:00:00.000Z') + second * 1000;
  const arrivals = [
    { at: at(0), status: 'firing' as const, alertname: 'HeadlinerServiceDown', severity: 'page' },
    {
      at: at(10),
      status: 'resolved' as const,
      alertname: 'HeadlinerDlqGrowing',
      severity: 'ticket',
    },
    { at: at(20), status: 'firing' as const, alertname: 'HeadlinerDlqGrowing', severity: 'ticket' },
    { at: at(30), status: 'firing' as const, alertname: 'HeadlinerServiceDown', severity: 'page' },
  ];

  it('skips what came before the injection, resolutions and other alerts', () => {
    expect(firstFiring(arrivals, ['HeadlinerDlqGrowing'], at(5))?.at).toBe(at(20));
    expect(firstFiring(arrivals, ['HeadlinerServiceDown'], at(5))?.at).toBe(at(30));
  });

  it('is none when none of them fired', () => {
    expect(firstFiring(arrivals, ['HeadlinerSagaTimeouts'], at(0))).toBeUndefined();
  });
});
