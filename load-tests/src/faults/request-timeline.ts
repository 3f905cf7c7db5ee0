import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** One second of a k6 run: how many requests ended in it, how many failed, and their p95. */
export interface Second {
  /** Wall-clock start of the second, in ms. */
  at: number;
  requests: number;
  failed: number;
  p95Ms: number;
  /** Holds and payments that succeeded in this second. */
  booked: number;
}

/** One request k6 made: when it ended, its step tag (token, hold, pay…), and how it went. */
export interface Request {
  at: number;
  step: string;
  durationMs: number;
  failed: boolean;
  booked: boolean;
}

/** Reads k6's CSV output (`-o csv`, with K6_CSV_TIME_FORMAT=unix_milli): every HTTP request. */
export async function readRequests(csvFile: string): Promise<Request[]> {
  const requests: Request[] = [];
  let columns: Record<string, number> | undefined;
  for await (const line of createInterface({ input: createReadStream(csvFile) })) {
    const cells = line.split(',');
    if (!columns) {
      columns = Object.fromEntries(cells.map((name, index) => [name, index]));
      continue;
    }
    const cell = (name: string) => cells[columns![name]!] ?? '';
    if (cell('metric_name') !== 'http_req_duration') continue;
    const step = /(?:^|&)step=([^&]*)/.exec(cell('extra_tags'))?.[1] ?? 'other';
    const status = cell('status');
    requests.push({
      at: Number(cell('timestamp')),
      step,
      durationMs: Number(cell('metric_value')),
      failed: cell('expected_response') !== 'true',
      booked:
        (step === 'hold' && status === '201') ||
        (step === 'pay' && ['200', '202'].includes(status)),
    });
  }
  return requests;
}

/** One bucket per second, from the first request's second to the last's. */
export function bySecond(requests: Request[]): Second[] {
  if (requests.length === 0) return [];
  const first = Math.floor(Math.min(...requests.map((r) => r.at)) / 1000);
  const last = Math.floor(Math.max(...requests.map((r) => r.at)) / 1000);
  const buckets = Array.from({ length: last - first + 1 }, () => [] as Request[]);
  for (const request of requests) buckets[Math.floor(request.at / 1000) - first]!.push(request);
  return buckets.map((bucket, index) => ({
    at: (first + index) * 1000,
    requests: bucket.length,
    failed: bucket.filter((r) => r.failed).length,
    p95Ms: percentile(
      bucket.map((r) => r.durationMs),
      0.95,
    ),
    booked: bucket.filter((r) => r.booked).length,
  }));
}

export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}
