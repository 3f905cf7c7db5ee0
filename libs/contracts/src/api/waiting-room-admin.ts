import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { apiComponents } from './components';
import { WaitingRoomPhase } from './queue';
import { MAX_CHALLENGE_DIFFICULTY } from './queue-challenge';

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

const Seconds = z.int().min(1).max(MAX_WAITING_ROOM_SETTING);

export const ScheduleWaitingRoomSettings = z
  .object({
    opensAt: Timestamp.nullable().describe(
      'When admission starts; fans joining before it wait in the PRE_QUEUE and are drawn in a uniformly random order at this moment. null: open now',
    ),
    activeLimit: ActiveLimit.optional().describe(
      'How many fans of this schedule may be ACTIVE at once; omitted: the waiting room default',
    ),
    admissionRatePerMinute: z
      .int()
      .min(0)
      .max(MAX_WAITING_ROOM_SETTING)
      .optional()
      .describe('Most fans admitted in any rolling minute; 0: no rate; omitted: the default'),
    activeTtlSeconds: Seconds.optional().describe(
      'How long an admitted fan may shop; omitted: the default',
    ),
    idleDropSeconds: Seconds.optional().describe(
      'How long a waiting fan survives without a poll; omitted: the default',
    ),
    challengeDifficulty: z
      .int()
      .min(0)
      .max(MAX_CHALLENGE_DIFFICULTY)
      .optional()
      .describe('Proof-of-work difficulty to join (0: no challenge); omitted: the default'),
  })
  .strict()
  .register(apiComponents, { id: 'ScheduleWaitingRoomSettings' });
export type ScheduleWaitingRoomSettings = z.infer<typeof ScheduleWaitingRoomSettings>;

export const ScheduleWaitingRoom = z
  .object({
    scheduleId: EntityId,
    opensAt: Timestamp.nullable(),
    activeLimit: ActiveLimit,
    admissionRatePerMinute: z
      .int()
      .min(0)
      .max(MAX_WAITING_ROOM_SETTING)
      .describe('0: no rate, only activeLimit'),
    activeTtlSeconds: Seconds,
    idleDropSeconds: Seconds,
    challengeDifficulty: z.int().min(0).max(MAX_CHALLENGE_DIFFICULTY),
    state: WaitingRoomPhase,
    paused: z
      .boolean()
      .describe('This room is paused (the whole waiting room may be paused too: see state)'),
    active: z.int().nonnegative(),
    waiting: z.int().nonnegative(),
    preQueue: z.int().nonnegative(),
    updatedAt: Timestamp.nullable().describe('Last change by an admin; null: the defaults apply'),
    updatedBy: z.string().nullable().describe('userId of the admin who changed it last'),
  })
  .register(apiComponents, { id: 'ScheduleWaitingRoom' });
export type ScheduleWaitingRoom = z.infer<typeof ScheduleWaitingRoom>;
