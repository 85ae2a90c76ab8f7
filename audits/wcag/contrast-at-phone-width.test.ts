import { describe, expect, it } from 'vitest';
import { contrastAtPhoneWidthAudit } from './contrast-at-phone-width.ts';
import type { Artifacts } from '../../harness/types.ts';

const ctx = { checkpoint: 'page', url: 'http://x/', pagePath: '/', context: {} };
const link = { domPath: 'html>body>header>a:nth-of-type(4)', html: '<a href="/help">Help</a>', summary: 'Fix any of the following:\n  Element has insufficient color contrast of 1.11 (foreground color: #ffffff, background color: #f3f2f1)' };
const narrow = (failing = [link], width: number | null = 320) => ({ schema: 'portico.probe.phone-width-contrast/1', width, failing });
const axe = (paths: string[]) => ({ violations: paths.length ? [{ id: 'color-contrast', nodes: paths.map((domPath) => ({ domPath, html: '', target: [] })) }] : [], incomplete: [], passes: [], inapplicable: [] });
const run = (gathered: Record<string, unknown>) => contrastAtPhoneWidthAudit.audit({ gathered } as unknown as Artifacts, ctx);

describe('contrast-at-phone-width', () => {
  it('fails text that loses its contrast only in the narrow layout, quoting the ratio axe measured', async () => {
    const r = await run({ 'phone-width-contrast': narrow(), axe: axe([]) });
    expect(r.outcome).toBe('failed');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'contrast-at-phone-width', wcag: ['1.4.3'], domPath: link.domPath });
    expect(r.findings[0].message).toMatch(/though it has enough at desktop width: Element has insufficient color contrast of 1\.11/);
  });
  it('leaves text that fails at desktop width too to axe\'s own finding', async () => {
    expect((await run({ 'phone-width-contrast': narrow(), axe: axe([link.domPath]) })).outcome).toBe('passed');
  });
  it('passes when nothing fails at phone width', async () => {
    expect((await run({ 'phone-width-contrast': narrow([]), axe: axe([]) })).outcome).toBe('passed');
  });
  it('without a desktop run reports every failure at phone width', async () => {
    const r = await run({ 'phone-width-contrast': narrow() });
    expect(r.outcome).toBe('failed');
    expect(r.findings[0].message).not.toMatch(/desktop/);
  });
  it('a window with no viewport to narrow is cantTell, never a pass', async () => {
    expect((await run({ 'phone-width-contrast': narrow([], null) })).outcome).toBe('cantTell');
  });
});
