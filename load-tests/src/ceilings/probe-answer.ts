import type { CapturedAnswer } from './captured-answer';

// How the waiting room answers a fan still waiting, for the probes that measure k6 itself
// (probes/k6-ceiling.js): a fixed answer, since no system runs beside them to capture one from.
export const waitingTokenAnswer: CapturedAnswer = {
  method: 'POST',
  path: '/api/v1/queue/tokens',
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    queueToken: 'probe',
    scheduleId: 'probe',
    status: 'WAITING',
    position: 1,
    estimatedWaitSeconds: 1,
    pollAfterSeconds: 1,
  }),
};
