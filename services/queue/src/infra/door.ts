import type { ChallengeStore } from './challenge-store';

/** What the door of the waiting room needs: its secret, each room's difficulty, spent proofs. */
export interface Door {
  /** QUEUE_CHALLENGE_SECRET: signs the challenges (HMAC-SHA256). */
  secret: string;
  /** ALTCHA's maxnumber for the room; 0 lets fans in without a proof. */
  difficultyOf(scheduleId: string): Promise<number>;
  /** How long a challenge may be solved and spent. */
  challengeTtlSeconds: number;
  challenges: ChallengeStore;
  now(): Date;
}
