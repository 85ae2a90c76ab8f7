import { afterEach, describe, expect, it } from 'vitest';
import { startReferenceApp, type ReferenceApp } from '../server.ts';
import { SESSION_LIMITS } from '../session.ts';
import { safeNext } from '../http.ts';
import { Client, signUp } from '../testing/client.ts';

const running: ReferenceApp[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((a) => a.close()));
});

const sessionCount = async (c: Client) => (await c.json<{ counts: { sessions: number } }>('/__test/state')).counts.sessions;

describe('sessions are bounded and expire', () => {
  it('purges anonymous sessions idle past the limit but keeps a signed-in one that can still say "expired"', async () => {
    const app = await startReferenceApp({ testMode: true });
    running.push(app);
    const signedIn = await signUp(app.url, 'kept@example.com');
    for (let i = 0; i < 30; i++) await new Client(app.url).get('/');
    const probe = new Client(app.url);
    expect(await sessionCount(probe)).toBeGreaterThanOrEqual(31);
    await probe.json('/__test/clock', { advanceSeconds: SESSION_LIMITS.anonymousIdleSeconds + 120 });
    await new Client(app.url).get('/'); // a new session triggers the purge
    const left = await sessionCount(probe);
    expect(left).toBeLessThanOrEqual(3);
    // The signed-in person's session was not purged: they are told it expired, and can sign in again.
    const r = await signedIn.get('/dashboard');
    expect(r.status).toBe(303);
    expect(r.location).toContain('expired=1');
  });
});

describe('safeNext (no open redirect after sign-in)', () => {
  it.each(['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\\\t\\evil.example', 'https://evil.example', 'javascript:alert(1)', ''])(
    'refuses %j',
    (next) => expect(safeNext(next, '/dashboard')).toBe('/dashboard'),
  );
  it('keeps same-origin paths with their query and fragment', () => {
    expect(safeNext('/appointments?day=2026-12-02#slot', '/')).toBe('/appointments?day=2026-12-02#slot');
  });
});
