import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { startSystem, type System } from '../src/fresh-system';
import { scrapeSystem } from '../src/prometheus-targets';
import { repositoryRoot } from '../src/repository';

// One real fault through the local stack: a system's wallet killed, Prometheus scraping it and
// evaluating the real rule (deploy/observability/prometheus/rules/availability.yml), the real
// Alertmanager configuration routing the page, and the local alert receiver that infra.sh runs
// on ALERT_WEBHOOK_URL (.local/infra.env names its file while it runs; with a Slack URL of your
// own there is none, and this test does not page your channel).
const { PROMETHEUS_URL, ALERT_RECEIVER_OUT } = process.env;
const withReceiver = PROMETHEUS_URL && ALERT_RECEIVER_OUT ? describe : describe.skip;

// The page arrives at most 50 s after the kill: the first failed scrape (5 s interval), the rule
// evaluation that sees it (5 s) starts `for: 30s`, the evaluation 30 s later fires it, and
// Alertmanager waits group_wait (10 s locally, deploy/infra/alertmanager.sh) before sending.
// The resolved message: the next scrape and evaluation (10 s), then the group's next turn
// (group_interval, 30 s). 10 s above each for a busy machine.
const firingBoundS = 60;
const resolvedBoundS = 50;

jest.setTimeout(240_000);

// Ten ports of its own above the end-to-end tests' base (the observability test has +40).
const portBase = Number(process.env.E2E_PORT_BASE ?? 18080) + 70;

type Message = {
  receivedAt: string;
  path: string;
  message: {
    channel: string;
    attachments: { title: string; text: string; color: string; fields: object[] }[];
  };
};

function messages(title: RegExp): Message[] {
  if (!existsSync(ALERT_RECEIVER_OUT!)) return [];
  return readFileSync(ALERT_RECEIVER_OUT!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Message)
    .filter((m) => m.message.attachments?.some((a) => title.test(a.title)));
}

async function arrival(title: RegExp, boundS: number): Promise<Message | undefined> {
  const deadline = Date.now() + (boundS + 30) * 1000;
  while (Date.now() < deadline) {
    const [message] = messages(title);
    if (message) return message;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function servicesUp(system: string): Promise<number> {
  const query = encodeURIComponent(`sum(up{system="${system}"})`);
  const response = await fetch(`${PROMETHEUS_URL}/api/v1/query?query=${query}`);
  const answer = (await response.json()) as { data: { result: { value: [number, string] }[] } };
  return Number(answer.data.result[0]?.value[1] ?? 0);
}

const secondsBetween = (from: number, message: Message | undefined) =>
  message ? (Date.parse(message.receivedAt) - from) / 1000 : Infinity;

withReceiver('when a service of a scraped system stops', () => {
  let system: System;
  let stopScraping = () => {};
  const systemId = `alerts-test-${randomBytes(4).toString('hex')}`;
  const alert = `HeadlinerServiceDown \\(page\\) system=${systemId} service=wallet`;
  const runbook = 'docs/operations/runbooks/HeadlinerServiceDown.md';

  beforeAll(async () => {
    const rules = await fetch(`${PROMETHEUS_URL}/api/v1/rules?type=alert`).then((r) => r.text());
    if (!rules.includes('"HeadlinerServiceDown"')) {
      throw new Error(
        `${PROMETHEUS_URL} has not loaded rules/availability.yml: npm run infra -- up`,
      );
    }
    system = await startSystem({}, { portBase });
    stopScraping = scrapeSystem(systemId, system.managementUrl);
    const deadline = Date.now() + 30_000;
    while ((await servicesUp(systemId)) < 5) {
      if (Date.now() > deadline) throw new Error(`Prometheus has not scraped ${systemId} in 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });

  afterAll(async () => {
    stopScraping();
    await system?.stop();
  });

  it(`pages the paging receiver in Slack's format within ${firingBoundS} s, and says when it is resolved`, async () => {
    const killedAt = Date.now();
    await system.kill('wallet');

    const page = await arrival(new RegExp(`^\\[FIRING:1\\] ${alert}$`), firingBoundS);
    expect(secondsBetween(killedAt, page)).toBeLessThanOrEqual(firingBoundS);
    expect(page!.message.channel).toBe('#headliner-page');
    expect(page!.message.attachments[0]).toMatchObject({
      color: 'danger',
      fields: [
        { title: 'severity', value: 'page' },
        { title: 'system', value: systemId },
        { title: 'runbook', value: runbook },
      ],
    });
    expect(page!.message.attachments[0]!.text).toContain(`*wallet is down in system ${systemId}*`);
    expect(existsSync(path.join(repositoryRoot, runbook))).toBe(true);

    await system.restart('wallet');
    const backAt = Date.now();
    const resolved = await arrival(new RegExp(`^\\[RESOLVED\\] ${alert}$`), resolvedBoundS);
    expect(secondsBetween(backAt, resolved)).toBeLessThanOrEqual(resolvedBoundS);
    expect(resolved!.message.attachments[0]).toMatchObject({ color: 'good' });
  });
});
