import { describe, expect, it } from 'vitest';
import { analyseShelters } from './shelters.ts';

describe('shared-address rule against a per-person signal', () => {
  const a = analyseShelters({ accounts: 50_000, shelters: 10, shelterResidents: 40, threshold: 10, multiAccounts: [2, 5, 466] }, 3);
  const address = a.rules.find((r) => r.rule === 'shared-address')!;
  const person = a.rules.find((r) => r.rule === 'per-person')!;

  it('counts the population it built', () => {
    expect(a.shelterResidents).toBe(400);
    expect(a.extraAccounts).toBe(1 + 4 + 465);
    expect(a.accounts).toBe(50_000);
  });

  it('flags every shelter resident and the 358-applicant address by shared address', () => {
    expect(address.shelterResidentsFlagged).toBe(400);
    expect(address.sharedAddressApplicantsFlagged).toBe(358);
    expect(address.largeFamilyMembersFlagged).toBeGreaterThan(0); // families of 11–14 exceed 10
    // Extra accounts spread over several addresses escape it; those kept at one home (about half of 466) do not.
    expect(address.extraAccountsFlagged).toBeGreaterThan(150);
    expect(address.extraAccountsFlagged).toBeLessThan(a.extraAccounts);
  });

  it('flags no shelter resident but every extra account with a per-person signal', () => {
    expect(person.shelterResidentsFlagged).toBe(0);
    expect(person.largeFamilyMembersFlagged).toBe(0);
    expect(person.sharedAddressApplicantsFlagged).toBe(0);
    expect(person.extraAccountsFlagged).toBe(a.extraAccounts);
    expect(person.accountsFlagged).toBe(a.extraAccounts);
  });

  it('flags no shelter when the threshold is above its size', () => {
    const b = analyseShelters({ accounts: 5000, shelters: 3, shelterResidents: 8, threshold: 20, multiAccounts: [] }, 1);
    expect(b.rules[0].shelterResidentsFlagged).toBe(0);
  });
});
