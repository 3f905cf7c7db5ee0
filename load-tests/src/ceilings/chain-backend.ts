import type { RequestListener } from 'node:http';
import type { CapturedAnswer } from './captured-answer';
import type { RoundTripKind, RoundTrips } from './chain-round-trips';

// The second hop of the bare chain: for each captured request, the path's one datastore round trip
// (for the fan who asked) and then the captured bytes. The body is read to its end, as a service
// must before it answers, but not parsed.

export interface ChainRoute {
  answer: CapturedAnswer;
  roundTrip: RoundTripKind;
}

export function chainBackend(routes: readonly ChainRoute[], trips: RoundTrips): RequestListener {
  const byRequest = new Map(
    routes.map(({ answer, roundTrip }) => [
      `${answer.method} ${answer.path}`,
      { roundTrip, status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) },
    ]),
  );
  return (req, res) => {
    const route = byRequest.get(`${req.method} ${req.url}`);
    req.resume();
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    req.on('end', () => {
      trips.run(route.roundTrip, req.headers.authorization ?? '').then(
        () => res.writeHead(route.status, route.headers).end(route.body),
        (error: unknown) => res.writeHead(503).end(String(error)),
      );
    });
  };
}
