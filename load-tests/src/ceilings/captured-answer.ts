import { request } from 'node:http';

// One request to the real system and its answer byte for byte (node:http, which neither decodes
// nor rewrites the body), so the bare server can answer exactly what the system answered.

export interface Asked {
  method: string;
  /** The path with its query, as k6 sends it. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface CapturedAnswer {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

// Per connection or per moment, not part of the answer: the bare server's node:http sets its own.
const notCopied = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

export function capture(baseUrl: string, asked: Asked): Promise<CapturedAnswer> {
  const body = asked.body === undefined ? undefined : JSON.stringify(asked.body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(asked.path, baseUrl),
      {
        method: asked.method,
        headers: {
          ...asked.headers,
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const headers = Object.fromEntries(
            Object.entries(res.headers).flatMap(([name, value]) =>
              value === undefined || notCopied.has(name) ? [] : [[name, value]],
            ),
          ) as Record<string, string | string[]>;
          resolve({
            method: asked.method,
            path: asked.path,
            status: res.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Captures and insists on the status a fan expects: a ceiling of an error answer means nothing. */
export async function captureExpecting(
  baseUrl: string,
  asked: Asked,
  status: number,
): Promise<CapturedAnswer> {
  const answer = await capture(baseUrl, asked);
  if (answer.status !== status) {
    throw new Error(
      `${asked.method} ${asked.path} answered ${answer.status}, not ${status}: ${answer.body.slice(0, 200)}`,
    );
  }
  return answer;
}
