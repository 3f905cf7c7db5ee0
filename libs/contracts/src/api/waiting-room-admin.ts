import { z } from 'zod';
import { Timestamp } from '../timestamp';
import { apiComponents } from './components';

/** The most either setting may be: far past any room this system can serve, short of nonsense. */
export const MAX_WAITING_ROOM_SETTING = 1_000_000;

const ActiveLimit = z
  .int()
  .min(1)
  .max(MAX_WAITING_ROOM_SETTING)
  .describe('How many queue tokens may be ACTIVE at once');

const AdmissionRatePerMinute = z
  .int()
  .min(1)
  .max(MAX_WAITING_ROOM_SETTING)
  .nullable()
  .describe('Most fans admitted in any rolling minute; null: no rate limit, only activeLimit');

export const UpdateWaitingRoomRequest = z
  .object({
    activeLimit: ActiveLimit.optional(),
    admissionRatePerMinute: AdmissionRatePerMinute.optional(),
  })
  .strict()
  .refine((change) => Object.keys(change).length > 0, {
    message: 'Give activeLimit, admissionRatePerMinute or both',
    // An unknown field is the error to name, not the empty change it leaves.
    when: (payload) => payload.issues.length === 0,
  })
  // The refinement above, for JSON Schema (the document and the fuzzer) too.
  .meta({ minProperties: 1 })
  .register(apiComponents, { id: 'UpdateWaitingRoomRequest' });
export type UpdateWaitingRoomRequest = z.infer<typeof UpdateWaitingRoomRequest>;

export const WaitingRoomState = z
  .object({
    activeLimit: ActiveLimit,
    admissionRatePerMinute: AdmissionRatePerMinute,
    paused: z
      .boolean()
      .describe('While true nobody is admitted; fans already ACTIVE keep their slot'),
    active: z.int().nonnegative(),
    waiting: z.int().nonnegative(),
    updatedAt: Timestamp.nullable().describe('Last change by an admin; null: the defaults apply'),
    updatedBy: z.string().nullable().describe('userId of the admin who changed it last'),
  })
  .register(apiComponents, { id: 'WaitingRoomState' });
export type WaitingRoomState = z.infer<typeof WaitingRoomState>;
