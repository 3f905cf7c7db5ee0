import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  receivedMessages,
  renderConfig,
  startAlertmanager,
  startReceiver,
  type ReceivedMessage,
} from './support/alertmanager';

// Debian's prometheus-alertmanager ships amtool; deploy/infra installs it unless
// HEADLINER_OBSERVABILITY=off (npm test runs with metrics).
const installed = spawnSync('amtool', ['--version']).status === 0;
const withAlertmanager = installed ? describe : describe.skip;
const run = promisify(execFile);

const dir = mkdtempSync(path.join(tmpdir(), 'alertmanager-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

withAlertmanager('the Alertmanager configuration', () => {
  const config = renderConfig(
    path.join(dir, 'checked.yml'),
    { groupWait: '10s', groupInterval: '30s' },
    { page: 'http://127.0.0.1:9/page', ticket: 'http://127.0.0.1:9/ticket' },
  );
  const routeOf = (...labels: string[]) =>
    run('amtool', ['config', 'routes', 'test', `--config.file=${config}`, ...labels]).then(
      ({ stdout }) => stdout.trim(),
    );

  it('passes amtool check-config, templates included', async () => {
    const { stdout } = await run('amtool', ['check-config', config]);
    expect(stdout).toMatch(/SUCCESS[\s\S]*1 inhibit rules[\s\S]*2 receivers[\s\S]*1 templates/);
  });

  it.each([
    [['alertname=HeadlinerServiceDown', 'severity=page', 'kind=cause'], 'page'],
    [['alertname=HeadlinerDlqGrowing', 'severity=ticket', 'kind=cause'], 'ticket'],
    // A rule that forgets its severity is still heard.
    [['alertname=SomethingNew'], 'ticket'],
  ])('routes %j to the %s receiver', async (labels, receiver) => {
    await expect(routeOf(...labels)).resolves.toBe(receiver);
  });
});

withAlertmanager('when alerts reach an Alertmanager run from the configuration', () => {
  const out = path.join(dir, 'alerts.jsonl');
  const stops: (() => void)[] = [];
  let alertmanager: string;
  const runbook = (name: string) => `docs/operations/runbooks/${name}.md`;
  const alert = (labels: Record<string, string>, endsAt?: Date) => ({
    labels: { ...labels, runbook_url: runbook(labels.alertname!) },
    annotations: { summary: `${labels.alertname} in ${labels.system}`, description: 'test' },
    ...(endsAt && { endsAt: endsAt.toISOString() }),
  });
  const cause = (instance: string, endsAt?: Date) =>
    alert(
      {
        ...{ alertname: 'HeadlinerServiceDown', severity: 'page', kind: 'cause' },
        ...{ system: 's1', service: 'wallet', instance },
      },
      endsAt,
    );
  const symptom = (system: string) =>
    alert({
      ...{ alertname: 'HeadlinerSagaTimeouts', severity: 'ticket', kind: 'symptom' },
      ...{ system, service: 'reservation' },
    });

  async function post(alerts: object[]): Promise<void> {
    const response = await fetch(`${alertmanager}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    expect(response.status).toBe(200);
  }

  async function messageWith(title: RegExp): Promise<ReceivedMessage> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = receivedMessages(out).find((m) => title.test(m.message.attachments[0]!.title));
      if (found || Date.now() > deadline) return found!;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    const receiver = await startReceiver(out);
    stops.push(receiver.stop);
    const config = renderConfig(
      path.join(dir, 'run.yml'),
      { groupWait: '1s', groupInterval: '1s' },
      { page: `${receiver.url}/page`, ticket: `${receiver.url}/ticket` },
    );
    const started = await startAlertmanager(config, path.join(dir, 'data'));
    stops.push(started.stop);
    alertmanager = started.url;
    const ticketCause = alert({
      ...{ alertname: 'HeadlinerDlqGrowing', severity: 'ticket', kind: 'cause' },
      ...{ system: 's3', service: 'wallet' },
    });
    await post([
      ...[cause('10.0.0.1:8089'), cause('10.0.0.2:8089'), symptom('s1'), symptom('s2')],
      ...[ticketCause, symptom('s3')],
    ]);
  });

  afterAll(() => stops.forEach((stop) => stop()));

  it('pages once per alert name, system and service, as a Slack message with the runbook', async () => {
    const page = await messageWith(/HeadlinerServiceDown/);

    expect(page.path).toBe('/page');
    expect(page.message.channel).toBe('#headliner-page');
    const [attachment] = page.message.attachments;
    expect(attachment).toMatchObject({
      title: '[FIRING:2] HeadlinerServiceDown (page) system=s1 service=wallet',
      color: 'danger',
      fields: [
        { title: 'severity', value: 'page' },
        { title: 'system', value: 's1' },
        { title: 'runbook', value: runbook('HeadlinerServiceDown') },
      ],
    });
    expect(attachment!.text).toContain(`Runbook: ${runbook('HeadlinerServiceDown')}`);
    expect(attachment!.text).toContain('instance=10.0.0.2:8089');
  });

  it('tickets a symptom of another system, and holds back the one of the system whose cause fires', async () => {
    const ticket = await messageWith(/HeadlinerSagaTimeouts \(ticket\) system=s2/);
    expect(ticket.path).toBe('/ticket');
    expect(ticket.message.channel).toBe('#headliner-ticket');

    const held = await fetch(`${alertmanager}/api/v2/alerts?filter=system%3D"s1"`)
      .then((r) => r.json() as Promise<{ labels: { kind: string }; status: object }[]>)
      .then((alerts) => alerts.find((a) => a.labels.kind === 'symptom'));
    expect(held?.status).toMatchObject({ state: 'suppressed', inhibitedBy: [expect.any(String)] });
    const titles = receivedMessages(out).map((m) => m.message.attachments[0]!.title);
    expect(titles.filter((title) => title.includes('system=s1 service=reservation'))).toEqual([]);
  });

  it('holds nothing back for a cause that only files a ticket', async () => {
    const symptomOfTicketCause = await messageWith(/HeadlinerSagaTimeouts \(ticket\) system=s3/);
    expect(symptomOfTicketCause?.path).toBe('/ticket');
  });

  it('says the cause is resolved, and lets its symptom through once it is', async () => {
    await post([cause('10.0.0.1:8089', new Date()), cause('10.0.0.2:8089', new Date())]);

    const resolved = await messageWith(/^\[RESOLVED\] HeadlinerServiceDown/);
    expect(resolved.message.attachments[0]).toMatchObject({ color: 'good' });
    const released = await messageWith(/HeadlinerSagaTimeouts \(ticket\) system=s1/);
    expect(released?.path).toBe('/ticket');
  });
});
