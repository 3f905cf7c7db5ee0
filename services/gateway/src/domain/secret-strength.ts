/**
 * Values that ship in this repository (the local admin, the tests' secrets) or that people type
 * when asked for one. Anything here is public, so it must never guard a real deployment.
 */
const KNOWN_VALUES = new Set([
  'headliner-admin',
  'admin',
  'password',
  'changeme',
  'e2e-admin-password',
  'admin-password-for-tests',
  'test-secret-of-at-least-thirty-two-characters',
  'e2e-secret-that-is-at-least-32-characters-long',
  'test-internal-auth-secret-of-32-characters-or-more',
  'a-shared-secret-of-at-least-32-characters',
]);

export interface StrengthRule {
  minLength: number;
  /** Of the estimate below: 32 random hex characters score about 120 bits, `aaaa…` zero. */
  minEntropyBits: number;
}

/** A signing secret (JWT_SECRET, INTERNAL_AUTH_SECRET), e.g. `openssl rand -hex 32`. */
export const SIGNING_SECRET: StrengthRule = { minLength: 32, minEntropyBits: 96 };
/** The admin's password, typed by a person. */
export const ADMIN_PASSWORD_RULE: StrengthRule = { minLength: 12, minEntropyBits: 40 };

/** Why a secret is too weak to run with outside local mode, or undefined when it will do. */
export function weaknessOf(value: string, rule: StrengthRule): string | undefined {
  if (KNOWN_VALUES.has(value.toLowerCase())) return 'is a known default or test value';
  if ([...value].length < rule.minLength) return `is shorter than ${rule.minLength} characters`;
  if (entropyBits(value) < rule.minEntropyBits) return 'repeats too few different characters';
  return undefined;
}

/**
 * Shannon entropy of the value's own characters times its length: a cheap upper bound of how
 * hard it is to guess, enough to refuse `aaaa…` or `abcabc…` without judging real randomness.
 */
function entropyBits(value: string): number {
  const characters = [...value];
  const counts = new Map<string, number>();
  for (const character of characters) counts.set(character, (counts.get(character) ?? 0) + 1);
  let perCharacter = 0;
  for (const count of counts.values()) {
    const share = count / characters.length;
    perCharacter -= share * Math.log2(share);
  }
  return perCharacter * characters.length;
}
