import { z } from 'zod';

// An explicit offset is required: a local time without one means different instants to the
// services and the people reading it.
export const Timestamp = z.iso
  .datetime({ offset: true })
  .describe('ISO 8601 date-time with an offset, e.g. 2026-05-01T19:00:00+09:00 or ...Z');
