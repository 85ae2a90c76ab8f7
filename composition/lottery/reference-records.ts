/**
 * The reference target's published draw records: populate a test-mode instance with a few real
 * requesters (through its pages: sign up, register, request — including one person with two accounts
 * and a family), run its draws, then read what it publishes (/lottery/audit and each day's JSON),
 * the way anyone outside would.
 */
import { signUpAndRegister, VALID_REGISTRATION } from '../../targets/reference/testing/client.ts';
import { verifyDraw, type LotteryInput } from '../../targets/reference/lottery/draw.ts';
import { verifyReveal } from '../../targets/reference/lottery/commit.ts';
import type { DrawRecord, Recompute } from '../../harness/lottery/records.ts';

const PERSONS: Array<Record<string, string | string[]>> = [
  { given_names: 'Luis', family_names: 'Ramírez', dob_day: '4', dob_month: '11', dob_year: '1987' },
  { given_names: 'Luis', family_names: 'Ramírez', dob_day: '4', dob_month: '11', dob_year: '1987' }, // the same person, a second account
  { given_names: 'Marie', family_names: 'Joseph', dob_day: '12', dob_month: '6', dob_year: '1992', member_count: '2', member_0_given_names: 'Jean', member_0_family_names: 'Joseph', member_0_dob_day: '1', member_0_dob_month: '2', member_0_dob_year: '2015', member_0_relationship: 'child', member_1_given_names: 'Rose', member_1_family_names: 'Joseph', member_1_dob_day: '3', member_1_dob_month: '4', member_1_dob_year: '2018', member_1_relationship: 'child' },
  { given_names: 'Ana', family_names: 'Pérez', dob_day: '30', dob_month: '1', dob_year: '1979' },
  { given_names: 'Oksana', family_names: 'Kovalenko', dob_day: '9', dob_month: '9', dob_year: '1990' },
];
const PORT_CHOICES = [['san-ysidro', 'calexico'], ['san-ysidro'], ['el-paso', 'laredo', 'hidalgo'], ['nogales'], ['brownsville', 'hidalgo']];

async function postJson(base: string, path: string, body: Record<string, string>): Promise<unknown> {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res.json();
}

/**
 * On each of `days` days: sign up that day's synthetic requesters (new ones each day: a winner holds an
 * appointment and does not ask again), have them all request, and run the day's draw.
 */
export async function publishReferenceDraws(base: string, days: number, run = Date.now().toString(36)): Promise<void> {
  for (let d = 0; d < days; d++) {
    const clients = [];
    for (let i = 0; i < PERSONS.length; i++) {
      const person = { ...PERSONS[i], given_names: `${PERSONS[i].given_names} ${'ABCDEFGHIJ'[d % 10]}` };
      clients.push(await signUpAndRegister(base, `lottery.${run}.${d}.${i}@example.org`, { ...VALID_REGISTRATION, ...person }));
    }
    for (let i = 0; i < clients.length; i++) {
      const c = clients[i];
      await c.get('/appointments/request');
      const [p1, p2 = '', p3 = ''] = PORT_CHOICES[i % PORT_CHOICES.length];
      const r = await c.post('/appointments/request', { port_1: p1, port_2: p2, port_3: p3 });
      if (r.status !== 303) throw new Error(`requesting an appointment answered ${r.status}`);
    }
    await postJson(base, '/__test/lottery/run', {});
    await postJson(base, '/__test/clock', { advanceSeconds: String(86_400) });
  }
}

/** Every drawn day's record, as published: the days listed on /lottery/audit, each day's JSON. */
export async function fetchDrawRecords(base: string): Promise<Array<{ source: string; raw: unknown }>> {
  const page = await fetch(`${base}/lottery/audit`);
  if (!page.ok) throw new Error(`GET /lottery/audit answered ${page.status}`);
  const html = await page.text();
  const links = [...new Set([...html.matchAll(/href="(\/lottery\/audit\/\d{4}-\d{2}-\d{2}\.json)"/g)].map((m) => m[1]))];
  const out: Array<{ source: string; raw: unknown }> = [];
  for (const link of links) {
    const res = await fetch(base + link);
    out.push({ source: link, raw: res.ok ? await res.json() : { error: `answered ${res.status}` } });
  }
  return out;
}

/** The reference's own verification: the seed matches its hash, and verifyDraw recomputes the winners. */
export const referenceRecompute: Recompute = (record: DrawRecord) => {
  if (!verifyReveal(record.seed, record.seedHash)) return { ok: false, reason: 'the revealed seed does not hash to the published seedHash' };
  const input: LotteryInput = { day: record.day, requesters: record.requesters, ports: record.ports, earliestShare: record.earliestShare, seed: record.seed, dedupePersons: record.dedupePersons };
  return verifyDraw(input, { day: record.day, ...record.result });
};
