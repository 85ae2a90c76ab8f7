import type { Page } from 'playwright';
import { evaluateInPage } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * CAPTCHAs on the page and whether a non-visual way through exists.
 *
 * A CAPTCHA is an image / canvas / svg / iframe whose alt, src, id, class, name, title or
 * aria-label mentions "captcha" (or a known widget: reCAPTCHA, hCaptcha, Turnstile), or an image
 * sitting next to a text input that asks for "the characters in the image". The alternatives looked
 * for are an <audio> element or a link/button offering audio or another way (in the target's
 * languages), near the CAPTCHA (same form) — WCAG 1.1.1's CAPTCHA exception asks for both a text
 * alternative naming its purpose and an alternative in another modality.
 */

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type CaptchaArtifact = ArtifactOf<'captcha'>;
export type CaptchaInfo = CaptchaArtifact['captchas'][number];

async function gather(page: Page): Promise<CaptchaArtifact> {
  return evaluateInPage(page, () => {
    const pathOf = __porticoDomPath;
    // notRendered, not hiddenFromAll: aria-hidden content counts here (the CAPTCHA images and their alternatives alike).
    const { clip, notRendered } = __portico;
    const nameOf = (el: Element) => clip(__portico.idRefText(el.getAttribute('aria-labelledby')) || el.getAttribute('aria-label') || el.getAttribute('alt') || el.getAttribute('title')
      || (el.localName === 'a' || el.localName === 'button' ? (el as HTMLElement).innerText ?? el.textContent : '') || '');
    const labelOf = (input: Element) => clip(__portico.labelText(input) || input.getAttribute('aria-label') || input.getAttribute('placeholder') || '');
    const MENTIONS = /captcha/i;
    // "Type the characters in the image" in the target languages (en, es, ht, pt, fr, ru, ar) and a few more.
    // The characters to type are IN the image: "type the characters in the image / shown above / you see".
    // Not "security code" (a card's CVV) nor "the code shown in your app" (a one-time code): those name no image.
    const ASKS_FOR_IMAGE = /(characters|letters|code|text|word|numbers?|digits).{0,30}\b(in|on|from) the (image|picture)|(characters|letters|text|words?|numbers?).{0,20}(shown|you see).{0,10}(above|below|in the (image|picture))|(caract[eè]r|letras|c[oó]digo|texto).{0,30}(imag|foto)|karakt[eè].{0,20}imaj|символ.{0,30}(изображ|картин)|الأحرف|الحروف|الصورة/i;
    const AUDIO = /audio|listen|hear|sound|escuchar|[aá]udio|koute|tande|ouvir|[eé]couter|прослуш|аудио|استماع|صوت/i;
    const OTHER_WAY = /another (way|method|option)|other (way|method|option)|alternative|alternativa|altènatif|autre (moyen|m[eé]thode)|autrement|другой способ|альтернатив|بديل|طريقة أخرى|can(no|')t (see|read)|no puedo ver|pa ka w[eè]|não consigo ver|ne peux pas (voir|lire)|не вижу|call us|ll[aá]m(e|anos)|rele nou|ligue|appelez|позвон|اتصل|accessible (version|option|challenge)/i;
    const WIDGETS: Array<[RegExp, string]> = [[/recaptcha|google\.com\/recaptcha/i, 'reCAPTCHA'], [/hcaptcha/i, 'hCaptcha'], [/challenges\.cloudflare|turnstile/i, 'Turnstile']];

    const attrsOf = (el: Element) => ['alt', 'src', 'id', 'class', 'name', 'title', 'aria-label', 'data-sitekey'].map((a) => `${a}=${el.getAttribute(a) ?? ''}`).join(' ');
    const textInputs = Array.from(document.querySelectorAll('input:not([type]),input[type="text"],input[type="number"],input[type="tel"],textarea')).filter((i) => !notRendered(i));
    // A card security code (autocomplete=cc-csc) or a one-time code (autocomplete=one-time-code) is never a
    // CAPTCHA answer, whatever picture sits next to it (a card illustration, an app icon).
    const notCaptcha = (i: Element) => /\b(cc-csc|one-time-code)\b/i.test(i.getAttribute('autocomplete') ?? '');
    const captchaInputs = textInputs.filter((i) => MENTIONS.test(attrsOf(i)) || (ASKS_FOR_IMAGE.test(labelOf(i)) && !notCaptcha(i)));

    const found = new Map<Element, string[]>();
    const add = (el: Element, why: string) => { const w = found.get(el) ?? []; if (!w.includes(why)) w.push(why); found.set(el, w); };
    for (const el of Array.from(document.querySelectorAll('img,canvas,svg,iframe,object,embed,[role="img"]'))) {
      if (notRendered(el)) continue;
      if (MENTIONS.test(attrsOf(el))) add(el, 'attribute mentions captcha');
      for (const [re, w] of WIDGETS) if (re.test(attrsOf(el))) add(el, `widget ${w}`);
    }
    for (const el of Array.from(document.querySelectorAll('[class*="captcha" i],[id*="captcha" i]'))) {
      if (notRendered(el) || el.matches('input,img,canvas,svg,iframe')) continue;
      if (getComputedStyle(el).backgroundImage !== 'none' && !el.querySelector('img,canvas,svg,iframe')) add(el, 'captcha element with a background image');
    }
    // An image next to an input that asks for the characters in it.
    for (const input of captchaInputs) {
      for (let a: Element | null = input.parentElement, i = 0; a && i < 4; a = a.parentElement, i++) {
        const imgs = Array.from(a.querySelectorAll('img,canvas,svg')).filter((x) => !notRendered(x));
        if (imgs.length) { for (const img of imgs.slice(0, 1)) add(img, `next to answer input "${labelOf(input)}"`); break; }
      }
    }
    // Keep the outermost of nested finds (an svg inside a captcha container).
    const els = [...found.keys()].filter((el) => ![...found.keys()].some((o) => o !== el && o.contains(el)));

    const captchas = els.map((el) => {
      const why = found.get(el)!;
      const widget = WIDGETS.find(([re]) => re.test(attrsOf(el)))?.[1] ?? null;
      const kind = widget ? 'widget' : el.localName === 'img' ? 'image' : el.localName === 'canvas' ? 'canvas' : el.localName === 'svg' ? 'svg' : el.localName === 'iframe' ? 'widget' : 'css-background';
      const scope = el.closest('form') ?? el.parentElement?.parentElement ?? document.body;
      let input: Element | null = captchaInputs.find((i) => scope.contains(i)) ?? null;
      if (!input) {
        for (let a: Element | null = el.parentElement, i = 0; a && i < 3 && !input; a = a.parentElement, i++) input = textInputs.find((t) => a!.contains(t)) ?? null;
      }
      const alternatives: CaptchaInfo['alternatives'] = [];
      for (const au of Array.from(scope.querySelectorAll('audio'))) alternatives.push({ kind: 'audio-element', text: nameOf(au) || 'audio', domPath: pathOf(au), href: au.getAttribute('src') ?? au.querySelector('source')?.getAttribute('src') ?? null, ariaHidden: au.closest('[aria-hidden="true"]') !== null });
      for (const c of Array.from(scope.querySelectorAll('a[href],button,[role="button"],[role="link"],input[type="button"],input[type="submit"]'))) {
        if (notRendered(c)) continue;
        const text = nameOf(c) || clip((c as HTMLInputElement).value ?? '');
        const href = c.getAttribute('href');
        const hay = `${text} ${href ?? ''} ${c.id} ${c.getAttribute('class') ?? ''}`;
        const ariaHidden = c.closest('[aria-hidden="true"]') !== null;
        if (AUDIO.test(hay)) alternatives.push({ kind: 'audio-link', text, domPath: pathOf(c), href, ariaHidden });
        else if (OTHER_WAY.test(text) && (MENTIONS.test(hay) || el.closest('form') === c.closest('form') || (c.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING))) {
          // Only links/buttons close to the CAPTCHA (its form, or right after it) count as "another way".
          alternatives.push({ kind: 'other-way-link', text, domPath: pathOf(c), href, ariaHidden });
        }
      }
      return {
        kind: kind as CaptchaInfo['kind'],
        widget,
        domPath: pathOf(el),
        alt: el.getAttribute('alt'),
        name: nameOf(el),
        src: el.getAttribute('src') ? clip(el.getAttribute('src')!, 200) : null,
        why,
        input: input ? { domPath: pathOf(input), name: input.getAttribute('name') ?? '', label: labelOf(input) } : null,
        alternatives: alternatives.slice(0, 10),
        snippet: el.outerHTML.slice(0, 300),
      };
    });
    const usedInputs = new Set(captchas.map((c) => c.input?.domPath));
    const textChallenges = captchaInputs
      .filter((i) => !usedInputs.has(pathOf(i)))
      .map((i) => ({ domPath: pathOf(i), label: labelOf(i) }));
    return { url: location.href, captchas, textChallenges };
  });
}

export const captchaProbe: Probe = {
  id: 'captcha',
  description: 'CAPTCHAs (image, canvas, widget) and whether an audio or other non-visual alternative is offered next to them.',
  gather: (page) => gather(page),
};
