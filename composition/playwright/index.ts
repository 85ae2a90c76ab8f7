/**
 * `portico/playwright`: Portico's Playwright fixtures and matchers for your own tests.
 *
 *   import { test, expect, asPersona } from 'portico/playwright';
 *   test.use(asPersona('keyboard'));
 *   test('checkout', async ({ page, actor, checkpoint }) => { …; await expect(page).toHaveNoBarriers(); });
 */
import { test } from './fixtures.ts';
import { personaById } from '../registry.ts';
export { test };
export { expect, type NoBarriersOptions } from './expect.ts';
export type { PorticoOptions, PorticoTestFixtures, PorticoWorkerFixtures } from './fixtures.ts';

/** `test.use(asPersona('low-vision'))`: the persona's browser settings (viewport, locale, colours…) and its actor. */
export function asPersona(id: string): Record<string, unknown> {
  const persona = personaById(id);
  return { ...persona.use, porticoPersona: persona.id };
}
