import type { Page } from 'playwright';
import { BlockedError, UNATTRIBUTED_BLOCK } from './actors.ts';

/** The words a person would read as "what went wrong" on the page they ended up on. */
export async function visibleProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Set<string>();
    const texts: string[] = [];
    const add = (t: string | null | undefined) => {
      const s = (t ?? '').replace(/\s+/g, ' ').trim();
      if (s && !seen.has(s) && s.length < 300) { seen.add(s); texts.push(s); }
    };
    document.querySelectorAll('[role=alert], .error, .error-message, .field-error, [id$="-error"], .error-summary li').forEach((el) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      if (box.width > 0 && box.height > 0) add(el.textContent);
    });
    return texts.slice(0, 8);
  });
}

/**
 * After an action, the person expects to be on the page whose main heading reads `heading`.
 * If they are not, they are blocked — and the reason is what the page tells them.
 */
export async function expectArrival(page: Page, heading: string, after: string, timeoutMs = 8_000): Promise<void> {
  const h1 = page.getByRole('heading', { level: 1, name: heading });
  try {
    await h1.first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const actual = (await page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 1_000 }).catch(() => null))?.trim();
    const problems = await visibleProblems(page);
    throw new BlockedError(
      `after ${after}, expected the page "${heading}" but got ${actual ? `"${actual}"` : 'no main heading'}${problems.length ? `; the page says: ${problems.map((p) => `"${p}"`).join(', ')}` : ''}`,
      'following the journey',
      UNATTRIBUTED_BLOCK,
    );
  }
}
