import { admissionRateWindowSeconds, type QueueRules } from './queue-rules';

/**
 * Seconds until a waiting fan at `position` (1-based) is likely admitted. The recent rate of
 * admissions from the line (slots freed by payments, leaves and expiries) predicts the future
 * best; with no recent admissions, or when the rate would promise more than is possible, the worst
 * case applies: nobody pays early, so the whole active set turns over once every ACTIVE_TTL.
 */
export function estimateWaitSeconds(
  position: number,
  recentAdmissions: number,
  rules: QueueRules,
): number {
  if (position === 0) return 0;
  const worstCase = Math.ceil(position / rules.activeLimit) * rules.activeTtlSeconds;
  if (recentAdmissions === 0) return worstCase;
  const admissionsPerSecond = recentAdmissions / admissionRateWindowSeconds;
  return Math.min(worstCase, Math.ceil(position / admissionsPerSecond));
}
