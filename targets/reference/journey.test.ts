import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceApp, type ReferenceApp } from './server.ts';
import { Client, signUpAndRegister } from './testing/client.ts';

let app: ReferenceApp;
beforeAll(async () => {
  app = await startReferenceApp({ testMode: true, port: 0, dbPath: ':memory:' });
});
afterAll(async () => {
  await app.close();
});

describe('the whole journey over HTTP, without JavaScript (conformant)', () => {
  it('account → code → registration → selfie alternative → dashboard → edit → request → draw → status → email', async () => {
    const email = 'maría.pérez@ejemplo-prueba.com.ve';
    const c = await signUpAndRegister(app.url, email, { member_count: '1', member_0_given_names: 'Ana', member_0_family_names: 'Pérez', member_0_dob_day: '2', member_0_dob_month: '5', member_0_dob_year: '2015', member_0_relationship: 'child' });
    const selfie = await c.get('/selfie');
    expect(selfie.status).toBe(200);
    expect(selfie.html).toContain('href="/selfie/alternative"');
    await c.get('/selfie/alternative');
    const alt = await c.post('/selfie/alternative', {});
    expect(alt.location).toBe('/dashboard');
    const dash = await c.get('/dashboard');
    expect(dash.html).toContain('José Ángel Núñez Peña');
    expect(dash.html).toContain('href="/registration/edit"');
    await c.get('/registration/edit');
    expect(c.lastHtml).toContain('value="José Ángel"');
    const form = new URLSearchParams(Object.entries({ given_names: 'José Ángel', family_names: 'Núñez', dob_day: '27', dob_month: '3', dob_year: '1990', nationality: 'VE', country_of_birth: 'CO', phone: '+58 412 555 1234', languages: 'es', member_count: '0', action: 'save' }));
    const saved = await c.post('/registration/edit', form);
    expect(saved.location).toBe('/dashboard?saved=1');
    await c.get('/appointments/request');
    const req = await c.post('/appointments/request', { port_1: 'el-paso', port_2: 'hidalgo', port_3: '' });
    expect(req.location).toBe('/appointments/status?requested=1');
    const pending = await c.get('/appointments/status');
    expect(pending.html).toContain('Waiting for the draw');
    const state = await c.json<{ today: string }>('/__test/state');
    const draw = await c.json<{ winners: number; requesters: number }>('/__test/lottery/run', { day: state.today });
    expect(draw.requesters).toBe(1);
    expect(draw.winners).toBe(1);
    const status = await c.get('/appointments/status');
    expect(status.html).toContain('Appointment at El Paso (Paso del Norte)');
    const mail = await c.json<Array<{ to: string; subject: string; locale: string }>>(`/__test/outbox?to=${encodeURIComponent(email)}`);
    expect(mail.map((m) => m.subject)).toContain('You have an appointment');
    expect(mail.every((m) => m.to === email)).toBe(true);
    const audit = await new Client(app.url).get('/lottery/audit');
    expect(audit.html).toContain(state.today);
  });
});
