/** A tiny HTTP client for tests: a cookie jar, the CSRF token from the last page, no redirects followed. */
export class Client {
  base: string;
  cookies = new Map<string, string>();
  lastHtml = '';
  constructor(base: string) {
    this.base = base;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), decodeURIComponent(pair.slice(i + 1)));
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; location: string | null; res: Response }> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: { cookie: this.cookieHeader(), ...headers } });
    this.keep(res);
    const html = await res.text();
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = html;
    return { status: res.status, html, location: res.headers.get('location'), res };
  }

  /** Follow redirects (GET) from a path. */
  async follow(path: string, max = 5): Promise<{ status: number; html: string; path: string }> {
    let p = path;
    for (let i = 0; i < max; i++) {
      const r = await this.get(p);
      if (r.status >= 300 && r.status < 400 && r.location) {
        p = r.location;
        continue;
      }
      return { status: r.status, html: r.html, path: p };
    }
    throw new Error('too many redirects');
  }

  csrf(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF token on the last page');
    return m[1];
  }

  async post(path: string, fields: Record<string, string | string[]> | URLSearchParams, opts: { csrf?: string | null } = {}): Promise<{ status: number; html: string; location: string | null }> {
    const body = fields instanceof URLSearchParams ? new URLSearchParams(fields) : new URLSearchParams();
    if (!(fields instanceof URLSearchParams)) {
      for (const [k, v] of Object.entries(fields)) (Array.isArray(v) ? v : [v]).forEach((x) => body.append(k, x));
    }
    const token = opts.csrf === undefined ? this.csrf() : opts.csrf;
    if (token !== null && !body.has('_csrf')) body.set('_csrf', token);
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    this.keep(res);
    const html = await res.text();
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = html;
    return { status: res.status, html, location: res.headers.get('location') };
  }

  async json<T = unknown>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await res.json()) as T;
  }
}

export const VALID_REGISTRATION: Record<string, string | string[]> = {
  given_names: 'José Ángel',
  family_names: 'Núñez Peña',
  dob_day: '27',
  dob_month: '3',
  dob_year: '1990',
  nationality: 'VE',
  country_of_birth: 'VE',
  phone: '+58 412 555 1234',
  languages: ['es'],
  languages_other: '',
  us_street: '',
  us_city: '',
  us_state: '',
  us_zip: '',
  member_count: '0',
  action: 'save',
};

/** Create an account for `email` and sign in (account → code → verify). Returns the client on /registration. */
export async function signUp(base: string, email: string, lang = 'en'): Promise<Client> {
  const c = new Client(base);
  await c.get(`/account/new?lang=${lang}`);
  const r = await c.post('/account/new', { email });
  if (r.status !== 303) throw new Error(`account/new answered ${r.status}: ${r.html.slice(0, 2000)}`);
  await c.get('/account/verify');
  const { code } = await c.json<{ code: string }>(`/__test/code?email=${encodeURIComponent(email)}`);
  const v = await c.post('/account/verify', { code });
  if (v.status !== 303) throw new Error(`verify answered ${v.status}`);
  return c;
}

/** Sign up and register with `fields` (defaults: a valid registration). */
export async function signUpAndRegister(base: string, email: string, fields: Record<string, string | string[]> = {}, lang = 'en'): Promise<Client> {
  const c = await signUp(base, email, lang);
  await c.get('/registration');
  const r = await c.post('/registration', { ...VALID_REGISTRATION, ...fields });
  if (r.status !== 303) throw new Error(`registration answered ${r.status}: ${r.html.slice(0, 3000)}`);
  return c;
}
