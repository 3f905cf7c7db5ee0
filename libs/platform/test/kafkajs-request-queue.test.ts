// patches/kafkajs+2.2.4.patch: kafkajs's per-connection request queue re-armed a 1 ms timer
// forever once it had nothing pending, so every idle service spun on it. These pin the patched
// behaviour: no timer while nothing waits, and a request held back by the broker's throttle
// still goes out once the throttle is over.
// An internal module of kafkajs, without types: required, not imported.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

interface Sent {
  correlationId: number;
}

function queue(sent: Sent[]) {
  const requests = new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: 'broker:9092',
    logger: quiet,
  });
  const push = (correlationId: number) =>
    requests.push({
      entry: {
        correlationId,
        apiName: 'Fetch',
        apiKey: 1,
        apiVersion: 11,
        resolve() {},
        reject() {},
      },
      expectResponse: true,
      sendRequest: () => sent.push({ correlationId }),
    });
  const answer = (correlationId: number) =>
    requests.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
  return { requests, push, answer };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

it('arms no timer once the queue has nothing pending', () => {
  const sent: Sent[] = [];
  const { push, answer } = queue(sent);

  push(1);
  push(2); // beyond the one in flight: pending
  answer(1); // sends 2
  answer(2); // nothing left
  jest.advanceTimersByTime(100); // the check armed while 2 was pending runs, and finds nothing

  expect(sent.map(({ correlationId }) => correlationId)).toEqual([1, 2]);
  expect(jest.getTimerCount()).toBe(0);
});

it('sends a request held back by a throttle once the throttle is over, then arms nothing', () => {
  const sent: Sent[] = [];
  const { requests, push } = queue(sent);

  requests.maybeThrottle(50);
  push(1);
  expect(sent).toEqual([]);

  jest.advanceTimersByTime(49);
  expect(sent).toEqual([]);
  jest.advanceTimersByTime(1);
  expect(sent).toEqual([{ correlationId: 1 }]);
  expect(jest.getTimerCount()).toBe(0);
});
