import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { checkGathered } from './schemas.ts';
import { PROBE_SCHEMAS } from './probe-schemas.ts';

const DIR = new URL('../../audits/recorded/probes/', import.meta.url);

/** Every recorded payload under audits/recorded/probes, by file: a whole artifacts file's `gathered`, a bare probe payload (its key from its schema), or a map of payloads. */
function recorded(): Array<{ file: string; gathered: Record<string, unknown> }> {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).map((file) => {
    const j = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Record<string, unknown>;
    if (j.schema === 'portico.artifacts/1') return { file, gathered: j.gathered as Record<string, unknown> };
    if (typeof j.schema === 'string') return { file, gathered: { [j.schema.replace(/^portico\.probe\.|\/\d+$/g, '')]: j } };
    return { file, gathered: j };
  });
}

/** A field of each probe's payload and a value of the wrong type for it. */
const BREAK: Record<string, (p: Record<string, any>) => string> = {
  transcript: (p) => { p.spoken = 'many'; return 'spoken'; },
  'form-semantics': (p) => { p.controls[0].required = 'yes'; return 'controls[0].required'; },
  captcha: (p) => { p.captchas[0].why = 'image'; return 'captchas[0].why'; },
  'camera-step': (p) => { p.scriptMentionsGetUserMedia = 1; return 'scriptMentionsGetUserMedia'; },
  language: (p) => { p.segments[0].inMain = 'no'; return 'segments[0].inMain'; },
  reflow: (p) => { p.narrow.horizontalOverflow = '0px'; return 'narrow.horizontalOverflow'; },
  'text-resize': (p) => { p.factor = '200%'; return 'factor'; },
  'text-spacing': (p) => { p.spaced.clipped = {}; return 'spaced.clipped'; },
  'forced-colors': (p) => { p.checked.icons = null; return 'checked.icons'; },
};

describe('probe artifact schemas', () => {
  const files = recorded();

  for (const key of Object.keys(PROBE_SCHEMAS)) {
    describe(key, () => {
      const holding = files.filter((f) => key in f.gathered);

      it('every recorded artifact in audits/recorded passes', () => {
        expect(holding.length, `recorded ${key} payloads`).toBeGreaterThan(0);
        for (const { file, gathered } of holding) {
          const checked = checkGathered(gathered, file);
          for (const k of Object.keys(gathered)) expect(checked[k], `${file}: ${k}`).toBe(gathered[k]);
        }
      });

      it('a wrong type in a named field gives an error naming the file and the field', () => {
        const { file, gathered } = holding.find((f) => { try { BREAK[key](structuredClone(f.gathered[key]) as Record<string, unknown>); return true; } catch { return false; } })!;
        const bad = structuredClone(gathered);
        const field = BREAK[key](bad[key] as Record<string, unknown>);
        const checked = checkGathered(bad, `artifacts/${file}`);
        const escaped = `artifacts/${file}: ${key}.${field}: `.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(checked[key]).toEqual({ error: expect.stringMatching(new RegExp(`^malformed artifact in ${escaped}`)) });
        for (const k of Object.keys(bad)) if (k !== key) expect(checked[k], k).toBe(bad[k]);
      });
    });
  }
});
