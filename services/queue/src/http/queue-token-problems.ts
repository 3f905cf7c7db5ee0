import { ProblemError } from '@headliner/platform';

// Problem types are public API that the gateway and clients switch on: never rename one.

export function unknownQueueToken(): ProblemError {
  return ProblemError.notFound('No such queue token for this user.', {
    type: 'queue-token-unknown',
  });
}

export function expiredQueueToken(): ProblemError {
  return ProblemError.gone('The queue token expired or was used up; enter the queue again.', {
    type: 'queue-token-expired',
  });
}

export function waitingQueueToken(): ProblemError {
  return ProblemError.forbidden('The queue token is still WAITING; it is not ACTIVE yet.', {
    type: 'queue-token-not-active',
  });
}

export function queueStoreUnavailable(cause: unknown): ProblemError {
  return ProblemError.serviceUnavailable('The waiting room is unavailable; try again shortly.', {
    type: 'queue-unavailable',
    headers: { 'Retry-After': '1' },
    cause,
  });
}
