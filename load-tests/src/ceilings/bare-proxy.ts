import { Agent, request, type RequestListener } from 'node:http';

// The first hop of the bare chain: the smallest forwarding node:http allows. Each request goes on
// to the backend as it came (method, path, headers, body streamed) over kept-alive connections, and
// the answer comes back as it was given. No routing, no parsing: what the gateway's hop costs at
// the least.

export function forwarding(backendUrl: string): RequestListener {
  const backend = new URL(backendUrl);
  // Idle sockets dropped before the backend's 5 s keep-alive ends, as the gateway does.
  const agent = new Agent({ keepAlive: true, timeout: 4_000, scheduling: 'lifo' });
  return (req, res) => {
    const upstream = request(
      {
        hostname: backend.hostname,
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  };
}
