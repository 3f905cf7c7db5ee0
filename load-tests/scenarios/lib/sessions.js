import { SharedArray } from 'k6/data';
import exec from 'k6/execution';
import { signIn } from './api.js';
import { numberEnv, textEnv } from './env.js';

// Signed-in fans for scenarios that do not measure signing in. The runner signs users in
// before k6 starts and hands their tokens over in SESSIONS_FILE (one SharedArray for all VUs,
// where setup() data would be copied into every VU). Without the file, each VU signs in once,
// on its first iteration, as user<USER_OFFSET + VU number> with PASSWORD.
const sessionsFile = textEnv('SESSIONS_FILE', '');
const sessions = sessionsFile
  ? new SharedArray('sessions', () => JSON.parse(open(sessionsFile)))
  : [];

export const PASSWORD = textEnv('PASSWORD', 'password');
export const USER_OFFSET = numberEnv('USER_OFFSET', 0);

/** The username of the n-th fan of this run (0-based): user1... after USER_OFFSET. */
export function username(n) {
  return `user${USER_OFFSET + n + 1}`;
}

let mine;

/** This VU's own fan, signed in once and reused for every iteration. */
export function sessionOfVu() {
  if (mine) return mine;
  const index = exec.vu.idInTest - 1;
  mine = index < sessions.length ? sessions[index] : signIn(username(index), PASSWORD);
  if (!mine) throw new Error(`${username(index)} could not sign in`);
  return mine;
}
