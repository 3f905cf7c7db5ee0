import { asUser } from '@headliner/testing';

export interface Answer {
  status: number;
  // The tests check shapes with expect(); any keeps them free of casts.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/**
 * Calls the service as the gateway does: with its signed statement of the fan, stating on holds
 * that the schedule's waiting room admitted them.
 */
export class ServiceClient {
  constructor(readonly baseUrl: string) {}

  hold(userId: string, seat: { scheduleId: string; seatId: string }): Promise<Answer> {
    const { scheduleId, seatId } = seat;
    return this.send(
      'POST',
      '/api/v1/reservations',
      asUser('reservation', { userId, admittedTo: scheduleId }),
      { scheduleId, seatId },
    );
  }

  reservation(userId: string, reservationId: string): Promise<Answer> {
    const headers = asUser('reservation', { userId });
    return this.send('GET', `/api/v1/reservations/${reservationId}`, headers);
  }

  pay(userId: string, reservationId: string, idempotencyKey: string): Promise<Answer> {
    const headers = {
      ...asUser('reservation', { userId }),
      'idempotency-key': idempotencyKey,
    };
    return this.send('POST', '/api/v1/payments', headers, { reservationId });
  }

  reservations(userId: string, query = ''): Promise<Answer> {
    const headers = asUser('reservation', { userId });
    return this.send('GET', `/api/v1/reservations${query}`, headers);
  }

  release(userId: string, reservationId: string): Promise<Answer> {
    const headers = asUser('reservation', { userId });
    return this.send('DELETE', `/api/v1/reservations/${reservationId}`, headers);
  }

  cancel(userId: string, reservationId: string, idempotencyKey: string): Promise<Answer> {
    const headers = { ...asUser('reservation', { userId }), 'idempotency-key': idempotencyKey };
    return this.send('POST', `/api/v1/reservations/${reservationId}/cancellation`, headers);
  }

  async send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ): Promise<Answer> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...headers,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  }
}
