// The services, their ports and which of them own a PostgreSQL database: read by the start,
// test and migrate scripts so the list lives in one place.
export const services = [
  { name: 'gateway', port: 8080, database: 'headliner_gateway' },
  { name: 'queue', port: 8081 },
  { name: 'concert', port: 8082, database: 'headliner_concert' },
  { name: 'reservation', port: 8083, database: 'headliner_reservation' },
  { name: 'wallet', port: 8084, database: 'headliner_wallet' },
];

/** The URL of one database on the server POSTGRES_URL points at. */
export function databaseUrl(database) {
  if (!process.env.POSTGRES_URL)
    throw new Error('POSTGRES_URL is not set (run: npm run infra -- up)');
  const url = new URL(process.env.POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}
