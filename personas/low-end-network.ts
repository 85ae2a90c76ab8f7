import type { Persona } from '../harness/journey/types.ts';
import { baseData } from './data.ts';

export const lowEndNetwork: Persona = {
  id: 'low-end-network',
  title: 'Low-end phone on a slow, flaky network',
  summary: 'An old Android phone on a shared, slow mobile connection at a shelter; the server or the connection fails mid-form.',
  checks: [
    'mobile viewport, slow network (≈400 kbit/s, 400 ms) and 4× CPU slowdown on every step',
    'the connection drops as the form is sent (context.setOffline): back online and back on the form, nothing entered is lost',
    'the journey completes and nothing entered is lost when the server fails mid-registration',
    'Lighthouse performance and accessibility on the home page under these conditions, measured again unthrottled to prove the throttling applied (cantTell below a 1.5× slow-down)',
  ],
  use: { locale: 'es', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  actor: 'pointer',
  language: 'es',
  data: { ...baseData, email: 'movil.{run}@example.org' },
  audits: ['axe', 'lighthouse-accessibility', 'lighthouse-performance'],
  network: { downloadKbps: 400, uploadKbps: 200, latencyMs: 400, cpuSlowdown: 4 },
  // Any target's first page (a person's first impression on a slow phone), not a step id of one app.
  lighthouseAt: 'first',
  lighthouseCategories: ['accessibility', 'performance'],
  blockedCites: { wcag: [], other: ['blocked on a slow, flaky connection: a control could not be found or used'] },
};
