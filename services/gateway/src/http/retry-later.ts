import { ProblemError } from '@headliner/platform';

/** 429 with Retry-After in whole seconds (at least 1) for a wait of `waitMs`. */
export function tooManyAttempts(waitMs: number, what: string, type: string): ProblemError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return ProblemError.tooManyRequests(`${what}; retry in ${seconds} s.`, {
    type,
    headers: { 'Retry-After': String(seconds) },
  });
}
