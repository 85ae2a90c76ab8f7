import { test, expect } from '../../../composition/playwright/fixtures.ts';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { walkFlow } from '../walk.ts';
import type { Persona, Target } from '../types.ts';
import type { JourneyArtifact } from '../journey-artifact.ts';
import { parseDeclarativeTarget, declarativeToTarget } from './index.ts';
import { noUsAddress } from '../../../personas/no-us-address.ts';
import { baseData } from '../../../personas/data.ts';

/**
 * `optional` fields and choices, and flows walked `without` a part of the person's data, on a form
 * that is not any target's: a USWDS-style address form rendered by the server, in two versions —
 * "intl" (country, and an "I do not have a fixed address" box that makes the address optional) and
 * "us" (US state and ZIP code demanded, no such box).
 */
let variant: 'intl' | 'us' = 'intl';
const field = (id: string, label: string, value: string, error?: string) => `<div class="usa-form-group${error ? ' usa-form-group--error' : ''}">
<label class="usa-label${error ? ' usa-label--error' : ''}" for="${id}">${label}</label>${error ? `<span class="usa-error-message" id="${id}-error">${error}</span>` : ''}
<input class="usa-input${error ? ' usa-input--error' : ''}" id="${id}" name="${id}" value="${value}"${error ? ` aria-invalid="true" aria-describedby="${id}-error"` : ''}></div>`;
function form(values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  const v = (k: string) => (values[k] ?? '').replace(/"/g, '&quot;');
  const region = variant === 'us'
    ? `<div class="usa-form-group${errors.state ? ' usa-form-group--error' : ''}"><label class="usa-label" for="state">State</label>${errors.state ? `<span class="usa-error-message" id="state-error">${errors.state}</span>` : ''}
<select class="usa-select" id="state" name="state"${errors.state ? ' aria-invalid="true" aria-describedby="state-error"' : ''}><option value="">- Select -</option><option value="TX"${v('state') === 'TX' ? ' selected' : ''}>Texas</option><option value="CA">California</option></select></div>
${field('zip', 'ZIP code', v('zip'), errors.zip)}`
    : field('country', 'Country', v('country'), errors.country);
  const noFixed = variant === 'intl' ? '<div class="usa-checkbox"><input class="usa-checkbox__input" id="no-fixed" type="checkbox" name="noFixed" value="yes"><label class="usa-checkbox__label" for="no-fixed">I do not have a fixed address</label></div>' : '';
  const summary = Object.keys(errors).length ? `<div class="usa-alert usa-alert--error" role="alert"><div class="usa-alert__body"><h2 class="usa-alert__heading">Check your address</h2><ul>${Object.values(errors).map((e) => `<li>${e}</li>`).join('')}</ul></div></div>` : '';
  return `<!doctype html><html lang="en"><head><title>Your address</title></head><body><main><h1>Your address</h1>${summary}
<form class="usa-form" method="post" action="/address" novalidate><fieldset class="usa-fieldset"><legend class="usa-legend">Address</legend>${noFixed}
${field('line1', 'Street address', v('line1'), errors.line1)}${field('town', 'City or town', v('town'), errors.town)}${region}</fieldset>
<button class="usa-button" type="submit">Continue</button></form></main></body></html>`;
}

let server: Server;
let base: string;
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const html = (status: number, body: string) => { res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
    if (req.method === 'POST' && req.url === '/address') {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const values = Object.fromEntries(new URLSearchParams(body));
        const errors: Record<string, string> = {};
        if (!(variant === 'intl' && values.noFixed === 'yes')) {
          if (!values.line1?.trim()) errors.line1 = 'Enter your street address';
          if (!values.town?.trim()) errors.town = 'Enter your city or town';
          if (variant === 'us' && !values.state) errors.state = 'Select a state';
          if (variant === 'us' && !/^\d{5}$/.test(values.zip ?? '')) errors.zip = 'Enter a 5-digit ZIP code';
          if (variant === 'intl' && !values.country?.trim()) errors.country = 'Enter your country';
        }
        if (Object.keys(errors).length) return html(200, form(values, errors));
        res.writeHead(303, { location: '/done' }); res.end();
      });
      return;
    }
    if (req.url === '/address') return html(200, form());
    if (req.url === '/done') return html(200, '<!doctype html><html lang="en"><title>Done</title><main><h1>Thank you</h1></main></html>');
    html(404, '<html lang="en"><title>Not found</title><h1>Page not found</h1></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => { server.closeAllConnections(); server.close(); });

const description = (countryOptional: boolean) => `
baseURL: http://127.0.0.1:1
flows:
  - id: apply
    title: Give an address
    steps:
      - id: address
        goto: /address
        fill:
          - { label: Street address, value: "{persona.homeAddress.line1}" }
          - { label: City or town, value: "{persona.homeAddress.town}" }
          - { label: Country, value: "{persona.homeAddress.country}"${countryOptional ? ', optional: true' : ''} }
          - { label: ZIP code, value: "{persona.usAddress.zip}", optional: true }
        select: { label: State, value: "{persona.usAddress.state}", optional: true }
        click: { role: button, name: Continue }
        expect: { heading: Thank you }
  - id: no-fixed-address
    title: Give no address
    without: [ homeAddress ]
    steps:
      - id: address
        goto: /address
        check: { label: I do not have a fixed address, optional: true }
        fill:
          - { label: Street address, value: "{persona.homeAddress.line1}" }
          - { label: City or town, value: "{persona.homeAddress.town}" }
        click: { role: button, name: Continue }
        expect: { heading: Thank you }
`;
const withUsAddress: Persona = { ...noUsAddress, id: 'with-us-address', data: { ...baseData } };

async function walk(sharedChromium: { browser: import('playwright').Browser; cdpPort: number; version: string }, persona: Persona, flowId: string, countryOptional = true) {
  const target: Target = declarativeToTarget(parseDeclarativeTarget(description(countryOptional), 'optional-fields.target.yaml'));
  const running = { baseURL: base, hooks: {}, close: async () => {} };
  const context = await sharedChromium.browser.newContext({ baseURL: base, locale: 'en' });
  const page = await context.newPage();
  try {
    const result = await walkFlow({ page, context, cdpPort: sharedChromium.cdpPort, browserVersion: sharedChromium.version, target, running, persona, plan: { engines: [], probes: [] }, outDir: mkdtempSync(join(tmpdir(), 'portico-optional-')) }, target.flows.find((f) => f.id === flowId)!, 'en');
    return { result, journey: result.artifacts.at(-1)!.gathered.journey as JourneyArtifact };
  } finally {
    await context.close();
  }
}

test.describe.configure({ mode: 'serial' });

test('intl form: fields the page does not ask for (ZIP, state) are passed over, the rest filled, and the person gets through', async ({ sharedChromium }) => {
  variant = 'intl';
  const { result, journey } = await walk(sharedChromium, noUsAddress, 'apply');
  expect(result.blockedAt, journey.blocked?.cause).toBeUndefined();
  expect(result.incompleteAt, journey.incomplete).toBeUndefined();
  expect(journey.actions.join('\n')).toMatch(/leave "ZIP code" empty/);
});

test('US-only form: the person with no US address is blocked by the demanded state and ZIP, keyed us-address, citing what they lack', async ({ sharedChromium }) => {
  variant = 'us';
  const { result, journey } = await walk(sharedChromium, noUsAddress, 'apply');
  expect(result.blockedAt).toBe('address');
  expect(journey.blocked?.key).toBe('us-address');
  expect(journey.blocked?.cause).toMatch(/"ZIP code", "State" are demanded/);
  expect(journey.blocked?.cause).toMatch(/Enter a 5-digit ZIP code/);
  expect(journey.blockedCites).toEqual(noUsAddress.lacks!.usAddress);
  expect(journey.actions.join('\n')).toMatch(/the page does not ask for "Country": go on without it/);
});

test('US-only form: a person who has a US address gives it and gets through', async ({ sharedChromium }) => {
  variant = 'us';
  const { result, journey } = await walk(sharedChromium, withUsAddress, 'apply');
  expect(result.blockedAt, journey.blocked?.cause).toBeUndefined();
  expect(result.incompleteAt, journey.incomplete).toBeUndefined();
});

test('a field the description does not mark optional and the page lacks is the description\'s mistake: incomplete, not a barrier', async ({ sharedChromium }) => {
  variant = 'us';
  const { result, journey } = await walk(sharedChromium, withUsAddress, 'apply', false);
  expect(result.blockedAt).toBeUndefined();
  expect(journey.incomplete).toMatch(/the description names a control the page does not have: .*"Country"/);
});

test('without: [homeAddress]: where the page offers "no fixed address" the person ticks it and gets through', async ({ sharedChromium }) => {
  variant = 'intl';
  const { result, journey } = await walk(sharedChromium, noUsAddress, 'no-fixed-address');
  expect(result.blockedAt, journey.blocked?.cause).toBeUndefined();
  expect(journey.actions.join('\n')).toMatch(/I do not have a fixed address/);
  expect(journey.actions.join('\n')).toMatch(/leave "Street address" empty/);
});

test('without: [homeAddress]: where the page has no such box and demands an address, the block names the fields, keyed home-address', async ({ sharedChromium }) => {
  variant = 'us';
  const { result, journey } = await walk(sharedChromium, noUsAddress, 'no-fixed-address');
  expect(result.blockedAt).toBe('address');
  expect(journey.blocked?.key).toBe('home-address');
  expect(journey.blocked?.cause).toMatch(/"Street address", "City or town" are demanded/);
  expect(journey.blockedCites).toEqual(noUsAddress.lacks!.homeAddress);
  expect(journey.actions.join('\n')).toMatch(/the page does not ask for "I do not have a fixed address"/);
});
