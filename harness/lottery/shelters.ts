/**
 * What a shared-address rule does to shelter residents, against a per-person signal.
 *
 * The population: ordinary households (1–6 applicants at an address), a few large families
 * (8–14), shelters (many unrelated residents at one address, legitimately), one address used by 358
 * applicants with 266 surnames (the documented case; whether it is fraud is what an investigation
 * decides), and persons holding several accounts (one of them 466, the documented case).
 *
 * - Shared-address rule: every account at an address with more than `threshold` accounts is flagged.
 * - Per-person signal: every account of a person beyond their first is flagged (the same person —
 *   name, date of birth, nationality — behind several accounts), whatever the address.
 */
import { mulberry32, below } from '../random.ts';

export interface ShelterParams {
  accounts: number;
  shelters: number;
  shelterResidents: number;
  threshold: number;
  /** Accounts held by the multiple-account persons (the documented 466, and smaller ones). */
  multiAccounts: number[];
}

export interface RuleOutcome {
  rule: 'shared-address' | 'per-person';
  description: string;
  shelterResidentsFlagged: number;
  largeFamilyMembersFlagged: number;
  sharedAddressApplicantsFlagged: number;
  extraAccountsFlagged: number;
  accountsFlagged: number;
}

export interface ShelterAnalysis {
  shelterResidents: number;
  largeFamilyMembers: number;
  sharedAddressApplicants: number;
  extraAccounts: number;
  accounts: number;
  threshold: number;
  rules: RuleOutcome[];
}

const Kind = { Household: 0, LargeFamily: 1, Shelter: 2, SharedAddress: 3 } as const;

export function analyseShelters(p: ShelterParams, seed: number): ShelterAnalysis {
  const rand = mulberry32(0xa11 ^ seed);
  const address: number[] = [];
  const person: number[] = [];
  const kind: number[] = [];
  let addresses = 0;
  let persons = 0;
  const add = (a: number, who: number, k: number) => {
    address.push(a);
    person.push(who);
    kind.push(k);
  };
  for (let s = 0; s < p.shelters; s++, addresses++) for (let r = 0; r < p.shelterResidents; r++) add(addresses, persons++, Kind.Shelter);
  // The documented address: 358 applicants, 266 surnames (distinct persons as far as any signal can tell).
  for (let r = 0; r < 358; r++) add(addresses, persons++, Kind.SharedAddress);
  addresses++;
  // Multiple-account persons: each account at its own or a shared address, chosen at random.
  const multi: number[] = [];
  for (const k of p.multiAccounts) {
    const who = persons++;
    const home = addresses++;
    for (let j = 0; j < k; j++) {
      add(rand() < 0.5 ? home : addresses++, who, Kind.Household);
      if (j > 0) multi.push(address.length - 1);
    }
  }
  while (address.length < p.accounts) {
    const large = rand() < 0.01;
    const members = large ? 8 + below(rand, 7) : 1 + below(rand, 6);
    for (let m = 0; m < members && address.length < p.accounts; m++) add(addresses, persons++, large ? Kind.LargeFamily : Kind.Household);
    addresses++;
  }
  const perAddress = new Int32Array(addresses);
  for (const a of address) perAddress[a]++;
  const seenPerson = new Uint8Array(persons);
  const isExtra = new Uint8Array(address.length);
  for (let i = 0; i < address.length; i++) {
    if (seenPerson[person[i]]) isExtra[i] = 1;
    seenPerson[person[i]] = 1;
  }
  const tally = (rule: RuleOutcome['rule'], description: string, flagged: (i: number) => boolean): RuleOutcome => {
    const out: RuleOutcome = { rule, description, shelterResidentsFlagged: 0, largeFamilyMembersFlagged: 0, sharedAddressApplicantsFlagged: 0, extraAccountsFlagged: 0, accountsFlagged: 0 };
    for (let i = 0; i < address.length; i++) {
      if (!flagged(i)) continue;
      out.accountsFlagged++;
      if (kind[i] === Kind.Shelter) out.shelterResidentsFlagged++;
      if (kind[i] === Kind.LargeFamily) out.largeFamilyMembersFlagged++;
      if (kind[i] === Kind.SharedAddress) out.sharedAddressApplicantsFlagged++;
      if (isExtra[i]) out.extraAccountsFlagged++;
    }
    return out;
  };
  return {
    shelterResidents: kind.filter((k) => k === Kind.Shelter).length,
    largeFamilyMembers: kind.filter((k) => k === Kind.LargeFamily).length,
    sharedAddressApplicants: 358,
    extraAccounts: multi.length,
    accounts: address.length,
    threshold: p.threshold,
    rules: [
      tally('shared-address', `flag every account at an address with more than ${p.threshold} accounts`, (i) => perAddress[address[i]] > p.threshold),
      tally('per-person', "flag every account of a person beyond the person's first (same name, date of birth, nationality)", (i) => isExtra[i] === 1),
    ],
  };
}
