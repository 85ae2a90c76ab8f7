/**
 * Synthetic requester populations for tests and the benchmark (NOT the lottery's randomness:
 * a small xorshift generator so data sets are reproducible and cheap to build).
 */
import type { LotteryRequester } from './draw.ts';

export function xorshift32(seed: number): () => number {
  let x = seed >>> 0 || 0x9e3779b9;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

export interface SyntheticOptions {
  /** Data-set seed (not the lottery seed). */
  seed?: number;
  /** Share of accounts that are extra accounts of an earlier person (same personKey). */
  duplicateRate?: number;
  /** Share of accounts that belong to a family group (groups of 2–5). */
  groupRate?: number;
  portIds: string[];
  /** Registration times are spread over this many days before `firstDay`. */
  spreadDays?: number;
  firstDay?: string;
  /** Prefix for account ids so several populations can coexist. */
  idPrefix?: string;
}

/** `n` requesters: each prefers 1–3 ports, a few share a person, some form family groups. */
export function syntheticRequesters(n: number, options: SyntheticOptions): LotteryRequester[] {
  const rand = xorshift32(options.seed ?? 1);
  const duplicateRate = options.duplicateRate ?? 0.05;
  const groupRate = options.groupRate ?? 0.1;
  const ports = options.portIds;
  const spreadMs = (options.spreadDays ?? 180) * 86_400_000;
  const start = Date.parse(`${options.firstDay ?? '2023-06-01'}T00:00:00Z`) - spreadMs;
  const prefix = options.idPrefix ?? 'a';
  const out: LotteryRequester[] = new Array(n);
  let groupLeft = 0;
  let groupId = '';
  let groupCount = 0;
  for (let i = 0; i < n; i++) {
    const duplicate = i > 0 && rand() < duplicateRate;
    const personKey = duplicate ? out[Math.floor(rand() * i)].personKey : `${prefix}p${i}`;
    if (groupLeft === 0 && rand() < groupRate / 3.5) {
      groupLeft = 2 + Math.floor(rand() * 4);
      groupId = `${prefix}g${groupCount++}`;
    }
    const prefCount = 1 + Math.floor(rand() * 3);
    const pref: string[] = [];
    for (let k = 0; k < prefCount; k++) {
      const id = ports[Math.floor(rand() * ports.length)];
      if (!pref.includes(id)) pref.push(id);
    }
    const requester: LotteryRequester = {
      accountId: `${prefix}${i}`,
      personKey,
      registeredAt: new Date(start + Math.floor(rand() * spreadMs)).toISOString(),
      portPreference: pref,
    };
    if (groupLeft > 0) {
      requester.groupId = groupId;
      groupLeft--;
    }
    out[i] = requester;
  }
  return out;
}
