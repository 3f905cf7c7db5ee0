// A server that does nothing but answer like the waiting room, for k6-ceiling.js: what the load
// generator and the loopback alone cost on this machine. Usage: node echo-server.mjs [port]
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 29999);
const token = JSON.stringify({
  queueToken: 'probe',
  scheduleId: 'probe',
  status: 'WAITING',
  position: 1,
  estimatedWaitSeconds: 1,
  pollAfterSeconds: 1,
});

createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(token);
}).listen(port, '127.0.0.1');
