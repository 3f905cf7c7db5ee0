import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Seat } from '../../src/domain/seat';

/** Stands in for the concert service's internal seat lookup: the one call made to it. */
export interface FakeConcert {
  url: string;
  /** A schedule with `count` seats at `price`. */
  addSchedule(count: number, price?: number): { scheduleId: string; seats: Seat[] };
  /** How often each seat was looked up. */
  lookups: Map<string, number>;
  /** Lookups of this seat answer 500. */
  breakSeat(seatId: string): void;
  stop(): Promise<void>;
}

export async function startFakeConcert(): Promise<FakeConcert> {
  const seats = new Map<string, Seat>();
  const broken = new Set<string>();
  const lookups = new Map<string, number>();
  const app = express();
  app.get('/internal/seats/:seatId', (req, res) => {
    const { seatId } = req.params;
    lookups.set(seatId, (lookups.get(seatId) ?? 0) + 1);
    const seat = seats.get(seatId);
    if (broken.has(seatId)) res.status(500).json({ title: 'Internal server error' });
    else if (seat) res.json(seat);
    else res.status(404).json({ title: 'Not found' });
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addSchedule(count, price = 50_000) {
      const scheduleId = randomUUID();
      const created = Array.from({ length: count }, (_, i) => ({
        seatId: randomUUID(),
        scheduleId,
        number: i + 1,
        price,
      }));
      for (const seat of created) seats.set(seat.seatId, seat);
      return { scheduleId, seats: created };
    },
    lookups,
    breakSeat: (seatId) => broken.add(seatId),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
