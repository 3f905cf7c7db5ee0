import { listConcerts, listSchedules, seatMap } from './api.js';

// Browsing the catalogue in setup(), to learn which schedules and seats a scenario will use.

export function concertAt(index) {
  const concerts = listConcerts();
  const concert = concerts.ok ? concerts.body[index] : undefined;
  if (!concert) throw new Error(`the catalogue has no concert number ${index + 1}`);
  return concert;
}

export function scheduleIdsOf(concertId) {
  const schedules = listSchedules(concertId);
  if (!schedules.ok) throw new Error(`the schedules of concert ${concertId} did not load`);
  return schedules.body.map((schedule) => schedule.scheduleId);
}

/** Every AVAILABLE seat of a concert, schedule by schedule, as { scheduleId, seatId }. */
export function availableSeatsOf(concertId) {
  return scheduleIdsOf(concertId).flatMap((scheduleId) => {
    const map = seatMap(scheduleId);
    if (!map.ok) throw new Error(`the seat map of schedule ${scheduleId} did not load`);
    return map.body.seats
      .filter((seat) => seat.status === 'AVAILABLE')
      .map((seat) => ({ scheduleId, seatId: seat.seatId }));
  });
}

/** The schedules of the first `concertCount` concerts. */
export function scheduleIdsOfFirst(concertCount) {
  const concerts = listConcerts();
  if (!concerts.ok) throw new Error('the concert list did not load');
  return concerts.body
    .slice(0, concertCount)
    .flatMap((concert) => scheduleIdsOf(concert.concertId));
}
