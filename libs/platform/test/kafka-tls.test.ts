import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaTlsOf, sslOf } from '../src/messaging/kafka-client';

// A managed Kafka takes TLS only. This listener stands in for its port: it completes a TLS
// handshake with a certificate of a private CA and tells how the client's first handshake ended.
const dir = mkdtempSync(path.join(tmpdir(), 'kafka-tls-'));
const file = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const newKey = ['-newkey', 'rsa:2048', '-nodes'];
  openssl(
    'req',
    '-x509',
    ...newKey,
    '-days',
    '1',
    '-subj',
    '/CN=test-ca',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
  );
  openssl(
    'req',
    ...newKey,
    '-subj',
    '/CN=broker',
    '-keyout',
    file('broker.key'),
    '-out',
    file('broker.csr'),
  );
  // The client checks the broker's address against the certificate's names.
  writeFileSync(file('broker.ext'), 'subjectAltName = IP:127.0.0.1\n');
  openssl(
    ...['x509', '-req', '-in', file('broker.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key')],
    ...[
      '-CAcreateserial',
      '-days',
      '1',
      '-extfile',
      file('broker.ext'),
      '-out',
      file('broker.pem'),
    ],
  );
});

/** How the broker's first handshake with an admin client connecting through `options` ended. */
async function firstHandshake(tlsOptions: ReturnType<typeof kafkaTlsOf>) {
  let ended: (how: 'completed' | 'failed') => void = () => {};
  const first = new Promise<'completed' | 'failed'>((resolve) => (ended = resolve));
  const broker = tls.createServer(
    { key: readFileSync(file('broker.key')), cert: readFileSync(file('broker.pem')) },
    (socket) => {
      ended('completed');
      socket.destroy();
    },
  );
  broker.on('tlsClientError', () => ended('failed'));
  await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
  const { port } = broker.address() as AddressInfo;
  // As createKafka configures it, without its retries (each would be one more handshake).
  const admin = new Kafka({
    brokers: [`127.0.0.1:${port}`],
    ssl: sslOf(tlsOptions),
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  }).admin();
  const connected = admin.connect().catch(() => {});
  try {
    return await first;
  } finally {
    await connected;
    await new Promise((resolve) => broker.close(resolve));
  }
}

it('speaks TLS to the broker and trusts the CA named by KAFKA_TLS_CA_FILE', async () => {
  const how = await firstHandshake(
    kafkaTlsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: file('ca.pem') }),
  );
  expect(how).toBe('completed');
});

it('refuses a broker whose certificate chains to no CA it trusts', async () => {
  expect(await firstHandshake(kafkaTlsOf({ KAFKA_TLS: 'true' }))).toBe('failed');
});

it('sends no TLS without KAFKA_TLS, and refuses a CA file without it', async () => {
  // Kafka's plaintext request is no TLS ClientHello: the broker's handshake fails.
  expect(await firstHandshake(kafkaTlsOf({}))).toBe('failed');
  expect(() => kafkaTlsOf({ KAFKA_TLS_CA_FILE: file('ca.pem') })).toThrow(/needs KAFKA_TLS=true/);
  expect(() => kafkaTlsOf({ KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: file('none.pem') })).toThrow(
    /cannot read/,
  );
});
