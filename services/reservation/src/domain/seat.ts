/** A seat as the concert catalogue describes it; its schedule and price never change. */
export interface Seat {
  seatId: string;
  scheduleId: string;
  number: number;
  price: number;
}
