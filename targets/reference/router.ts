/** A very small router: exact paths or `:param` segments, per method. */
export type Handler<C> = (ctx: C, params: Record<string, string>) => Promise<void> | void;

interface Route<C> {
  method: string;
  parts: string[];
  handler: Handler<C>;
}

export class Router<C> {
  private routes: Route<C>[] = [];

  get(path: string, handler: Handler<C>): this {
    return this.add('GET', path, handler);
  }
  post(path: string, handler: Handler<C>): this {
    return this.add('POST', path, handler);
  }
  add(method: string, path: string, handler: Handler<C>): this {
    this.routes.push({ method, parts: path.split('/').filter(Boolean), handler });
    return this;
  }

  /** The handler for a method and path, `methodNotAllowed` when only another method matches. */
  match(method: string, pathname: string): { handler: Handler<C>; params: Record<string, string> } | 'methodNotAllowed' | undefined {
    const segs = pathname.split('/').filter(Boolean);
    let other = false;
    for (const r of this.routes) {
      if (r.parts.length !== segs.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segs.length; i++) {
        const p = r.parts[i];
        if (p.startsWith(':')) {
          try {
            params[p.slice(1)] = decodeURIComponent(segs[i]);
          } catch {
            ok = false;
            break;
          }
        } else if (p !== segs[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const m = method === 'HEAD' ? 'GET' : method;
      if (r.method === m) return { handler: r.handler, params };
      other = true;
    }
    return other ? 'methodNotAllowed' : undefined;
  }
}
