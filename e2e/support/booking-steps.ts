import { randomUUID } from 'node:crypto';
import { Fan } from './gateway-client';

/** A new fan with `balance` won in the wallet and an active queue token of the schedule. */
export async function activeFan(
  gatewayUrl: string,
  balance: number,
  scheduleId: string,
): Promise<Fan> {
  const fan = await new Fan(gatewayUrl, `fan_${randomUUID().slice(0, 8)}`).signUpAndLogIn();
  if (balance > 0) expect((await fan.charge(balance)).status).toBe(200);
  await fan.takeQueueToken(scheduleId);
  await fan.waitUntilActive();
  return fan;
}

/** Holds the seat (201) and returns the reservation id. */
export async function hold(fan: Fan, scheduleId: string, seatId: string): Promise<string> {
  const held = await fan.hold(scheduleId, seatId);
  expect(held.status).toBe(201);
  return held.body.reservationId;
}

/** A fan with the money books the seat (200); one without is refused (402), the hold cancelled. */
export async function pay(fan: Fan, reservationId: string, expected: 200 | 402): Promise<void> {
  expect((await fan.pay(reservationId)).status).toBe(expected);
}
