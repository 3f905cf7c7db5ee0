import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { CALLER_STATEMENT_HEADER, verifyCallerStatement, type SeatMap } from '@headliner/contracts';
import { testInternalAuthSecret } from '@headliner/testing';
import express from 'express';
import type { Seat } from '../../src/domain/seat';

/**
 * Stands in for the concert service's seat map, the one call made to it; like the concert, it
 * answers only reservation's own signed statement.
 */
export interface FakeConcert {
  url: string;
  /** A schedule with `count` seats at `price`, starting at `startsAt` (in 30 days by default). */
  addSchedule(
    count: number,
    price?: number,
    startsAt?: Date,
  ): { scheduleId: string; seats: Seat[]; startsAt: Date };
  /** How often each schedule's seat map was asked for. */
  seatMapCalls: Map<string, number>;
  /** Seat maps of this schedule answer 500 until `mendSchedule`. */
  breakSchedule(scheduleId: string): void;
  mendSchedule(scheduleId: string): void;
  /** Every seat map answers this much later (0 by default). */
  latencyMs: number;
  stop(): Promise<void>;
}

export async function startFakeConcert(): Promise<FakeConcert> {
  const schedules = new Map<string, Seat[]>();
  const starts = new Map<string, Date>();
  const broken = new Set<string>();
  const seatMapCalls = new Map<string, number>();
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });

  const concert: FakeConcert = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addSchedule(count, price = 50_000, startsAt = new Date(Date.now() + 30 * 86_400_000)) {
      const scheduleId = randomUUID();
      starts.set(scheduleId, startsAt);
      const seats = Array.from({ length: count }, (_, i) => ({
        seatId: randomUUID(),
        scheduleId,
        number: i + 1,
        price,
      }));
      schedules.set(scheduleId, seats);
      return { scheduleId, seats, startsAt };
    },
    seatMapCalls,
    breakSchedule: (scheduleId) => broken.add(scheduleId),
    mendSchedule: (scheduleId) => broken.delete(scheduleId),
    latencyMs: 0,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };

  app.get('/api/v1/schedules/:scheduleId/seats', async (req, res) => {
    const { scheduleId } = req.params;
    if (!fromReservation(req.get(CALLER_STATEMENT_HEADER))) {
      res.status(401).json({ title: 'Unauthorized' });
      return;
    }
    seatMapCalls.set(scheduleId, (seatMapCalls.get(scheduleId) ?? 0) + 1);
    await sleep(concert.latencyMs);
    const seats = schedules.get(scheduleId);
    if (broken.has(scheduleId)) {
      res.status(500).json({ title: 'Internal server error' });
    } else if (seats) {
      const seatMap: SeatMap = {
        scheduleId,
        startsAt: (starts.get(scheduleId) ?? new Date()).toISOString(),
        saleState: 'ON_SALE',
        seats: seats.map(({ seatId, number, price }) => ({
          seatId,
          number,
          price,
          status: 'AVAILABLE',
        })),
      };
      res.json(seatMap);
    } else {
      res.status(404).json({ title: 'Not found' });
    }
  });
  return concert;
}

function fromReservation(statement: string | undefined): boolean {
  try {
    const caller = verifyCallerStatement(statement, testInternalAuthSecret, {
      audience: 'concert',
    });
    return caller.role === 'service' && caller.sub === 'reservation';
  } catch {
    return false;
  }
}
