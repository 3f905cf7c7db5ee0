import { randomUUID } from 'node:crypto';

export interface Answer<T = any> {
  status: number;
  body: T;
  headers?: Headers;
}

/** A fan (or admin) talking to the gateway the way a client app does. */
export class Fan {
  accessToken?: string;
  userId?: string;
  queueToken?: string;

  constructor(
    readonly gatewayUrl: string,
    readonly username: string,
    readonly password = 'correct-horse-battery',
  ) {}

  /**
   * One API call. A 503 means the request was shed before any effect, so like a client app it
   * is retried after Retry-After (at most a few times, 10 s at most each: a breaker that opened
   * under a crowd asks for 10 s); nothing else is retried.
   */
  async call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const response = await fetch(`${this.gatewayUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
          ...(this.queueToken ? { 'x-queue-token': this.queueToken } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const retryAfter = Number(response.headers.get('retry-after') ?? 1);
      if (response.status === 503 && attempt < 5) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter, 10) * 1000));
        continue;
      }
      return {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        headers: response.headers,
      };
    }
  }

  async signUpAndLogIn(): Promise<this> {
    const signup = await this.call('POST', '/api/v1/auth/signup', {
      username: this.username,
      password: this.password,
    });
    if (signup.status !== 201)
      throw new Error(`signup ${this.username}: ${signup.status} ${JSON.stringify(signup.body)}`);
    return this.logIn();
  }

  async logIn(): Promise<this> {
    const login = await this.call('POST', '/api/v1/auth/login', {
      username: this.username,
      password: this.password,
    });
    if (login.status !== 200)
      throw new Error(`login ${this.username}: ${login.status} ${JSON.stringify(login.body)}`);
    this.accessToken = login.body.accessToken;
    this.userId = login.body.userId;
    return this;
  }

  charge(amount: number, idempotencyKey: string = randomUUID()) {
    return this.call(
      'POST',
      '/api/v1/wallet/charges',
      { amount },
      { 'idempotency-key': idempotencyKey },
    );
  }

  /** Joins the schedule's waiting room: the token admits to that schedule only. */
  async takeQueueToken(scheduleId: string): Promise<Answer> {
    const answer = await this.call('POST', '/api/v1/queue/tokens', { scheduleId });
    if (answer.body?.queueToken) this.queueToken = answer.body.queueToken;
    return answer;
  }

  /** Takes a queue token, failing with the answer when there is none to wait on. */
  async joinQueue(scheduleId: string): Promise<void> {
    const answer = await this.takeQueueToken(scheduleId);
    if (!this.queueToken)
      throw new Error(
        `${this.username} got no queue token: ${answer.status} ${JSON.stringify(answer.body)}`,
      );
  }

  /** Polls the token (as a client app would) until it is ACTIVE. */
  async waitUntilActive(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await this.call('GET', '/api/v1/queue/tokens/current');
      if (current.body?.status === 'ACTIVE') return;
      if (Date.now() > deadline)
        throw new Error(`${this.username} never became active: ${JSON.stringify(current.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  hold(scheduleId: string, seatId: string) {
    return this.call('POST', '/api/v1/reservations', { scheduleId, seatId });
  }

  release(reservationId: string) {
    return this.call('DELETE', `/api/v1/reservations/${reservationId}`);
  }

  cancelBooking(reservationId: string, idempotencyKey: string = randomUUID()) {
    return this.call('POST', `/api/v1/reservations/${reservationId}/cancellation`, undefined, {
      'idempotency-key': idempotencyKey,
    });
  }

  pay(reservationId: string, idempotencyKey: string = randomUUID()) {
    return this.call(
      'POST',
      '/api/v1/payments',
      { reservationId },
      { 'idempotency-key': idempotencyKey },
    );
  }
}

/**
 * An admin creates a concert with one schedule of `seatCount` seats, starting in 30 days unless
 * told; returns the seat map.
 */
export async function createSchedule(
  admin: Fan,
  seatCount: number,
  price = 50_000,
  startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000),
) {
  const concert = await admin.call('POST', '/api/v1/admin/concerts', {
    title: `E2E ${randomUUID().slice(0, 8)}`,
    artist: 'The Testers',
    venue: 'Loopback Hall',
  });
  if (concert.status !== 201)
    throw new Error(`create concert: ${concert.status} ${JSON.stringify(concert.body)}`);
  const schedule = await admin.call(
    'POST',
    `/api/v1/admin/concerts/${concert.body.concertId}/schedules`,
    {
      startsAt: startsAt.toISOString(),
      seatCount,
      price,
    },
  );
  if (schedule.status !== 201)
    throw new Error(`create schedule: ${schedule.status} ${JSON.stringify(schedule.body)}`);
  const seats = await admin.call('GET', `/api/v1/schedules/${schedule.body.scheduleId}/seats`);
  return {
    concertId: concert.body.concertId as string,
    scheduleId: schedule.body.scheduleId as string,
    seats: seats.body.seats as { seatId: string; number: number; price: number; status: string }[],
  };
}

/** Signs up and logs in `count` fans in parallel, a few at a time. */
export async function fans(gatewayUrl: string, count: number, label: string): Promise<Fan[]> {
  const all = Array.from(
    { length: count },
    (_, i) => new Fan(gatewayUrl, `${label}${i}_${randomUUID().slice(0, 6)}`),
  );
  for (let start = 0; start < all.length; start += 50) {
    await Promise.all(all.slice(start, start + 50).map((fan) => fan.signUpAndLogIn()));
  }
  return all;
}
