import type { BrowserContext } from 'playwright';
import type { Persona, StepContext } from '../types.ts';
import type { DeclarativeFlow, DeclarativeTarget } from './schema.ts';

const primary = (l: string) => l.toLowerCase().split('-')[0];

/**
 * The language a persona walks a flow in: the flow's own when it fixes one; else the persona's,
 * when the target offers it; else the target's English or first language — and `offered: false`.
 */
export function languageFor(t: Pick<DeclarativeTarget, 'locales' | 'languages'>, flow: Pick<DeclarativeFlow, 'language'>, persona: Pick<Persona, 'language'>): { language: string; offered: boolean } {
  const offered = t.locales;
  const own = offered.find((l) => primary(l) === primary(persona.language));
  if (flow.language) return { language: flow.language, offered: Boolean(own) };
  if (own) return { language: own, offered: true };
  return { language: offered.find((l) => primary(l) === 'en') ?? offered[0], offered: false };
}

/** A path in the language asked for: `?lang=es` (query), `/es/start` (path); cookie and control leave it as is. */
export function localizePath(path: string, lang: string, choose: NonNullable<DeclarativeTarget['languages']>['choose'] | undefined): string {
  if (!choose) return path;
  if ('query' in choose) {
    const u = new URL(path, 'http://x');
    u.searchParams.set(choose.query, lang);
    return `${u.pathname}${u.search}${u.hash}`;
  }
  if ('path' in choose) return `${choose.path.replace('{lang}', lang).replace(/\/$/, '')}${path === '/' ? '/' : path}`;
  return path;
}

export async function setLanguageCookie(context: BrowserContext, baseURL: string, name: string, lang: string) {
  await context.addCookies([{ name, value: lang, url: baseURL }]);
}

/**
 * Chooses the language as a person would, by the `choose` method: a cookie is set before the
 * first page, a control (by role and its name in that language) is used on the first page of the
 * flow and whenever a step asks for another language. A control the person cannot find is a block.
 */
export async function chooseLanguage(ctx: StepContext, t: Pick<DeclarativeTarget, 'languages'>, lang: string, when: 'before-goto' | 'after-goto') {
  const choose = t.languages?.choose;
  // A control is used whenever the page is not in that language (a site may not remember the choice).
  if (!choose || (!('control' in choose) && ctx.state.languageChosen === lang)) return;
  if ('cookie' in choose && when === 'before-goto') {
    await setLanguageCookie(ctx.context, ctx.baseURL, choose.cookie, lang);
    ctx.state.languageChosen = lang;
  } else if ('control' in choose && when === 'after-goto') {
    const name = choose.control.name[lang] ?? choose.control.name[primary(lang)];
    // Already shown in that language: a person does not switch (the switcher names the *other* languages).
    // A page rendered in the browser sets its language once its script has run: let it settle first.
    await ctx.page.waitForLoadState('networkidle', { timeout: 3_000 }).catch(() => {});
    const shown = await ctx.page.evaluate(() => document.documentElement.lang || '').catch(() => '');
    if (shown && primary(shown) === primary(lang)) { ctx.state.languageChosen = lang; return; }
    const before = ctx.page.url();
    await ctx.actor.click(choose.control.role, name);
    await ctx.page.waitForURL((u) => u.href !== before, { timeout: 3_000 }).catch(() => {});
    await ctx.page.waitForLoadState('load').catch(() => {});
    ctx.state.languageChosen = lang;
  } else if ('query' in choose || 'path' in choose) {
    ctx.state.languageChosen = lang;
  }
}
