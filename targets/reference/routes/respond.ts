import type { Ctx } from '../app.ts';
import { redirect, sendHtml } from '../http.ts';

export function page(ctx: Ctx, body: string, status = 200): void {
  sendHtml(ctx.res, status, body, { 'set-cookie': ctx.setCookies });
}

export function go(ctx: Ctx, location: string): void {
  redirect(ctx.res, location, { 'set-cookie': ctx.setCookies });
}
