import { createReadStream, createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Replaces `file` with `file`.gz. A full fuzz run's NDJSON holds every request and answer
 * (about 1.5 GB for 40,000 requests, /metrics answers among them); compressed it is worth keeping.
 */
export async function gzipInPlace(file: string): Promise<string> {
  await pipeline(createReadStream(file), createGzip(), createWriteStream(`${file}.gz`));
  await unlink(file);
  return `${file}.gz`;
}
