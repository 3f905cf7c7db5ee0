import { listConcerts, listSchedules, seatMap } from './api.js';

// Browsing the catalogue in setup(), to learn which schedules and seats a scenario will use.

export function concertAt(index) {
  const concerts = listConcerts();
  const concert = concerts.ok ? concerts.body.items[index] : undefined;
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

/** The first `count` concerts (fewer if the catalogue has fewer), page after page. */
function firstConcerts(count) {
  const concerts = [];
  let cursor;
  do {
    const page = listConcerts(Math.min(count - concerts.length, 100), cursor);
    if (!page.ok) throw new Error('the concert list did not load');
    concerts.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor && concerts.length < count);
  return concerts;
}

/** The schedules of the first `concertCount` concerts. */
export function scheduleIdsOfFirst(concertCount) {
  return firstConcerts(concertCount).flatMap((concert) => scheduleIdsOf(concert.concertId));
}
