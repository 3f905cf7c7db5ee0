// Made-up artists and tours on real-sounding Korean venues, so a seeded catalogue reads like a
// real one without copying anyone's data. Names are picked by index: the same seed, the same names.
const artistFirst = words(
  'Neon Velvet Silver Paper Golden Midnight Crystal Ocean Wild Lunar Scarlet Electric',
);
const artistSecond = words(
  'Tigers Harbor Bloom Avenue Echoes Parade Satellites Orchard Radio Season Lanterns Foxes',
);
const tourFirst = phrases(
  'Summer Nights|Blue Hour|Afterglow|First Light|Starlit|Homecoming|Wildfire|Daydream|' +
    'Moonrise|Paper Planes',
);
const tourSecond = phrases('World Tour|Live in Seoul|Encore|Asia Tour|Unplugged|Arena Tour');
const venues = phrases(
  'KSPO Dome, Seoul|Olympic Hall, Seoul|Jamsil Indoor Stadium, Seoul|Blue Square, Seoul|' +
    'Gocheok Sky Dome, Seoul|BEXCO Auditorium, Busan|Yes24 Live Hall, Seoul|' +
    'Inspire Arena, Incheon|EXCO, Daegu|Kimdaejung Convention Center, Gwangju',
);

/** Unique for the first 144 indexes; later rounds get a number ("Neon Tigers 2"). */
export function artistName(index: number): string {
  const first = pick(artistFirst, index);
  const second = pick(artistSecond, Math.floor(index / artistFirst.length) + index);
  const round = Math.floor(index / (artistFirst.length * artistSecond.length));
  return round === 0 ? `${first} ${second}` : `${first} ${second} ${round + 1}`;
}

export function tourTitle(index: number, year: number): string {
  return `${pick(tourFirst, index)} ${pick(tourSecond, index * 7)} ${year}`;
}

export function venueName(index: number): string {
  return pick(venues, index * 3);
}

function pick(list: readonly string[], index: number): string {
  return list[index % list.length] as string;
}

function words(list: string): string[] {
  return list.split(' ');
}

function phrases(list: string): string[] {
  return list.split('|');
}
