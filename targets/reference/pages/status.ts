import type { Ctx } from '../app.ts';
import { html } from './html.ts';
import { layout } from './layout.ts';

/** A simple status page (403, 404, 429, 500…) with one heading, a message and an optional link. */
export function statusPage(ctx: Ctx, _status: number, title: string, text: string, link?: { href: string; label: string }): string {
  return layout(
    ctx,
    { title },
    html`<h1>${title}</h1>
<p>${text}</p>
${link ? html`<p><a class="button-link" href="${link.href}">${link.label}</a></p>` : html`<p><a href="/">${ctx.t('nav.home')}</a></p>`}`,
  );
}
