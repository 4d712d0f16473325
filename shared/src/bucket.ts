// Rollout bucketing: which of 100 buckets a user falls in for a rollout group, Unleash-compatible.
import { murmur3x86_32 } from './murmur3.ts';

/**
 * The user's bucket, 1–100, for a rollout group: Unleash's `normalizedValue`. The group id
 * keeps buckets of different rollouts independent, so the same users are not always first.
 */
export function normalizedBucket(groupId: string, userId: string): number {
  return (murmur3x86_32(`${groupId}:${userId}`, 0) % 100) + 1;
}

/**
 * Whether the user is inside a rollout at `percentage` (0–100). Because the bucket is fixed,
 * raising the percentage only ever adds users: nobody flips back and forth between releases.
 */
export function isInRollout(groupId: string, userId: string, percentage: number): boolean {
  if (!(percentage > 0)) return false;
  return normalizedBucket(groupId, userId) <= percentage;
}
