/**
 * Commit / reveal for the lottery seed.
 *
 * Before the draw the operator generates a secret seed and PUBLISHES ONLY ITS HASH
 * (`seedHash = sha256(seed)`, hex). After the draw the seed is revealed; anyone can check
 * `sha256(revealedSeed) === seedHash` and then recompute the whole draw with `verifyDraw`.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a UTF-8 string, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh secret seed: 32 bytes from the OS CSPRNG, lower-case hex (64 characters). */
export function generateSeed(): string {
  return randomBytes(32).toString('hex');
}

export interface SeedCommitment {
  /** Kept secret until the draw has run. */
  seed: string;
  /** Published before the draw. */
  seedHash: string;
}

/** Generate a seed and its commitment (publish `seedHash`, keep `seed`). */
export function commitSeed(seed: string = generateSeed()): SeedCommitment {
  if (typeof seed !== 'string' || seed.length === 0) throw new Error('commitSeed: seed must be a non-empty string');
  return { seed, seedHash: sha256Hex(seed) };
}

/** True when a revealed seed matches the hash published before the draw. */
export function verifyReveal(seed: string, seedHash: string): boolean {
  if (typeof seed !== 'string' || typeof seedHash !== 'string' || !/^[0-9a-f]{64}$/i.test(seedHash)) return false;
  const actual = Buffer.from(sha256Hex(seed), 'hex');
  const expected = Buffer.from(seedHash.toLowerCase(), 'hex');
  return timingSafeEqual(actual, expected);
}
