import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Flow, Persona, RunningTarget, Step, Target, TargetHooks } from '../types.ts';
import { inLanguage, parseDeclarativeTarget, TargetFileError, type DeclarativeTarget } from './schema.ts';
import { toStep, LANGUAGE_PROBE } from './steps.ts';
import { languageFor } from './language.ts';
import { serveApp } from './serve.ts';
import { universalEmailFlow } from './universal-email.ts';
import { startSmtpSink, type SmtpSink } from '../../mail/smtp-sink.ts';
import { mailApiReader } from '../../mail/mailpit.ts';
import { loadDefectCatalogue } from './matrix.ts';
import { describedCatalogues } from './catalogue.ts';

export { parseDeclarativeTarget, TargetFileError, type DeclarativeTarget } from './schema.ts';
export { interpolate, interpolateValue, SKIP } from './interpolate.ts';
export { describedTargetMatrix, hasDefectMatrix, loadDefectCatalogue } from './matrix.ts';

const languageName = (tag: string) => { try { return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag; } catch { return tag; } };

/**
 * The first step of a flow says so once when the target does not offer the persona's language
 * (a persona that reads pages for their language: it has the language probe). The walk then does
 * not apply the persona's language checks to pages shown in another language.
 */
function notOffered(step: Step, flow: Flow, isFirstFlowOf: (p: Persona) => boolean, fallback: (p: Persona) => { language: string; offered: boolean }, offered: string[]): Step {
  const arrive = step.arrive;
  return {
    ...step,
    async arrive(ctx) {
      const p = ctx.persona;
      const choice = fallback(p);
      // Said once per run: in the first flow this persona walks, not again in every flow (no cascade).
      if (!choice.offered && isFirstFlowOf(p) && ctx.gathers?.includes(LANGUAGE_PROBE)) {
        ctx.observe({
          ruleId: 'language-not-offered', key: `language:${p.language}`, outcome: 'cantTell', impact: 'serious', other: ['target language offer'], selector: `language-not-offered:${p.language}`,
          message: `The target does not offer ${languageName(p.language)} (${p.language}); it offers ${offered.join(', ')}. ${p.title} walked "${flow.title}" in ${languageName(choice.language)} (${choice.language}); their language checks were not applied to pages shown in another language.`,
        });
      }
      await arrive?.(ctx);
    },
  };
}

export function declarativeToTarget(d: DeclarativeTarget): Target {
  const lang = (f: DeclarativeTarget['flows'][number]) => (p: Persona) => languageFor(d, f, p);
  const flows: Flow[] = d.flows.map((f) => {
    const steps = f.steps.map((s) => toStep(d, s));
    const languageForPersona = lang(f);
    const isFirstFlowOf = (p: Persona) => d.flows.find((x) => !x.personas || x.personas.includes(p.id))?.id === f.id;
    return { id: f.id, title: f.title, personas: f.personas, ...(f.without ? { without: f.without } : {}), steps: [notOffered(steps[0], { id: f.id, title: f.title, steps }, isFirstFlowOf, languageForPersona, d.locales), ...steps.slice(1)], languageFor: languageForPersona };
  });
  const ua = universalEmailFlow(d);
  if (ua && !flows.some((f) => f.id === ua.id)) {
    const first = d.flows.find((f) => f.steps.some((s) => s.id === ua.steps[0].partOf)) ?? d.flows[0];
    flows.push({ ...ua, languageFor: lang(first) });
  }
  const catalogues = describedCatalogues(d);
  return {
    id: d.id,
    title: d.title,
    locales: d.locales,
    flows,
    ...(Object.keys(catalogues).length > 1 ? { catalogues: () => catalogues } : {}),
    ...(d.session ? { session: { extend: (l: string) => ({ role: d.session!.extend.role, name: inLanguage(d.session!.extend.name, l) }), ...(d.session.lasts ? { lastsSeconds: d.session.lasts } : {}) } } : {}),
    async start({ profile, defects } = {}): Promise<RunningTarget> {
      const closers: Array<() => Promise<void>> = [];
      const hooks: TargetHooks = {};
      // The app's session runs on its own (real) clock: when the description says how long it lasts, waiting moves it.
      if (d.session?.lasts) hooks.advanceClock = (seconds) => new Promise((r) => setTimeout(r, seconds * 1000));
      try {
        let sink: SmtpSink | undefined;
        if (d.mail && d.mail !== 'none' && 'sink' in d.mail) {
          sink = await startSmtpSink({ port: d.mail.port ?? 0 });
          closers.push(() => sink!.close());
          hooks.mail = sink;
        } else if (d.mail && d.mail !== 'none' && 'api' in d.mail) {
          hooks.mail = mailApiReader(d.mail.api);
        }
        // PORTICO_BASE_URL points a described target at another deployment (staging, a local port).
        let baseURL = (process.env.PORTICO_BASE_URL ?? d.baseURL).replace(/\/$/, '');
        if (d.serve && !process.env.PORTICO_BASE_URL) {
          const serve = { ...d.serve, cwd: d.serve.cwd ? resolve(dirname(resolve(d.file)), d.serve.cwd) : undefined };
          const app = await serveApp(serve, d.baseURL, { profile: profile ?? d.profiles?.[0] ?? 'conformant', defects: defects ?? [], smtpPort: sink?.port });
          closers.unshift(() => app.stop());
          baseURL = app.baseURL;
        }
        return { baseURL, hooks, close: async () => { for (const c of closers) await c().catch(() => {}); } };
      } catch (error) {
        for (const c of closers) await c().catch(() => {});
        throw error;
      }
    },
  };
}

export function loadDeclarativeTarget(file: string): Target {
  const path = resolve(file);
  if (!existsSync(path)) throw new TargetFileError(`target "${file}" is neither a built-in target (reference) nor an existing file`);
  const d = parseDeclarativeTarget(readFileSync(path, 'utf8'), file);
  const target = declarativeToTarget(d);
  if (d.profiles && d.defects) {
    // The first profile is the conformant one (nothing on); any other switches every catalogued defect on.
    const defects = loadDefectCatalogue(resolve(dirname(path), d.defects));
    const [first, ...others] = d.profiles;
    target.defects = { profiles: Object.fromEntries([[first, []], ...others.map((p) => [p, defects.map((x) => x.id)])]), defects };
  }
  if (d.profiles) target.profiles = d.profiles;
  if (d.serve) target.startsItsOwnApp = true;
  return target;
}
