import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDITS } from './registry.ts';
import { LOTTERY_AUDITS } from '../audits/lottery/index.ts';

/** Every audit source file, by the id its meta declares. */
function auditSources(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = readFileSync(p, 'utf8');
        const id = /meta: \{\s*id: '([^']+)'/.exec(text)?.[1];
        if (id) out.set(id, text);
      }
    }
  };
  walk(join(import.meta.dirname, '..', 'audits'));
  return out;
}

describe('audits declare the rules they emit', () => {
  const sources = auditSources();
  const all = [...AUDITS, ...LOTTERY_AUDITS];

  it('every rule id an audit with declared rules writes in its source is declared, with a title', () => {
    const undeclared: string[] = [];
    for (const a of all) {
      if (typeof a.meta.rules !== 'object') continue;
      const text = sources.get(a.meta.id) ?? '';
      for (const [, id] of text.matchAll(/ruleId: '([^']+)'/g)) if (!a.meta.rules[id]) undeclared.push(`${a.meta.id} emits ${id}`);
      for (const [id, r] of Object.entries(a.meta.rules)) expect(r.title, `${a.meta.id}/${id}`).toMatch(/\S/);
    }
    expect(undeclared).toEqual([]);
  });

  it('every rule id a journey observation is made with is declared by journey-observations', () => {
    const audit = all.find((a) => a.meta.id === 'journey-observations')!;
    const declared = typeof audit.meta.rules === 'object' ? audit.meta.rules : {};
    const emitted = new Set<string>();
    for (const dir of OBSERVATION_SOURCES) for (const text of sourcesUnder(join(import.meta.dirname, '..', dir))) for (const [, id] of text.matchAll(/ruleId: '([^']+)'/g)) emitted.add(id);
    expect(emitted.size).toBeGreaterThan(10);
    expect([...emitted].filter((id) => !declared[id]).sort()).toEqual([]);
  });

  it('engine audits say so; the audits still to declare their rules are listed here, and the list only shrinks', () => {
    const engines = all.filter((a) => a.meta.rules === 'engine').map((a) => a.meta.id).sort();
    expect(engines).toEqual(['axe', 'htmlcs', 'lighthouse-accessibility']);
    const notYet = all.filter((a) => a.meta.rules === undefined).map((a) => a.meta.id).sort();
    // Each of these files its findings' criteria in the finding itself; declaring them is the next step.
    expect(notYet).toEqual(NOT_YET_DECLARED);
  });
});

const NOT_YET_DECLARED: string[] = [];

/** Where journey observations are made (their rule ids are written there, not in the audit). */
const OBSERVATION_SOURCES = ['harness/journey', 'targets', 'composition'];

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) { if (e.name !== 'node_modules') out.push(...sourcesUnder(p)); }
    else if (e.name.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(e.name)) out.push(readFileSync(p, 'utf8'));
  }
  return out;
}
