import type { Page } from 'playwright';
import { evaluateInPage } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';

/**
 * A camera / biometric capture step: a <video> preview, a live MediaStream, a file input with
 * `capture`, or an inline script calling getUserMedia. Records whether the step gives non-visual
 * guidance (a live region that announces framing / progress) and whether an alternative path needs
 * no photo (a link or button to in-person verification, "I cannot take a photo", another way).
 */

export interface CameraStepArtifact {
  url: string;
  /** A capture surface exists on the page. */
  isCameraStep: boolean;
  signals: string[];
  videos: Array<{ domPath: string; name: string; liveStream: boolean; snippet: string }>;
  captureInputs: Array<{ domPath: string; name: string; accept: string; capture: string }>;
  /** Buttons in the capture area (the capture control). */
  controls: Array<{ domPath: string; role: string; name: string }>;
  /** Live regions a screen reader hears (framing, progress, result). */
  guidance: Array<{ domPath: string; role: string | null; live: string; text: string }>;
  /** Links / buttons that lead around the photo. */
  alternatives: Array<{ domPath: string; role: 'link' | 'button'; text: string; href: string | null; why: string }>;
  /** Page text mentions a photo / selfie / camera (supporting evidence only). */
  mentionsPhoto: boolean;
}

async function gather(page: Page): Promise<CameraStepArtifact> {
  return evaluateInPage(page, () => {
    const pathOf = __porticoDomPath;
    const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const clip = (s: string, n = 200) => { const t = norm(s); return t.length > n ? t.slice(0, n - 1) + '…' : t; };
    function hidden(el: Element): boolean {
      for (let n: Element | null = el; n; n = n.parentElement) {
        if ((n as HTMLElement).hidden || n.getAttribute('aria-hidden') === 'true' || getComputedStyle(n).display === 'none') return true;
      }
      return getComputedStyle(el).visibility === 'hidden';
    }
    const nameOf = (el: Element) => {
      const lb = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
      const labels = Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent).join(' ');
      return clip(norm(lb) || el.getAttribute('aria-label') || norm(labels) || ((el as HTMLElement).innerText ?? el.textContent) || el.getAttribute('title') || (el as HTMLInputElement).value || '');
    };
    const PHOTO = /selfie|photo|foto|camera|c[aâá]mara|kamera|cam[eé]ra|imaj|фото|камер|صورة|كاميرا|face|rostro|visage|figi/i;
    // "I cannot take a photo", "verify in person", "another way" — in the target languages.
    const CANNOT = /can(no|')t|cannot|unable|without (a )?(photo|selfie|camera)|no puedo|sin (foto|c[aá]mara)|pa ka|san foto|não consigo|sem (foto|c[aâ]mera)|ne peux pas|sans (photo|cam[eé]ra)|не могу|без (фото|камер)|لا أستطيع|لا يمكنني|بدون (صورة|كاميرا)/i;
    const IN_PERSON = /in[ -]person|en persona|an p[eè]s[oò]n|pessoalmente|presencial|en personne|лично|شخصي|office|oficina|biwo|escrit[oó]rio|bureau|офис|مكتب/i;
    const OTHER_WAY = /another way|other way|alternative|alternativ|altènatif|autre (moyen|fa[cç]on)|другим способом|альтернатив|بديل|طريقة أخرى|skip|omitir|sote|pular|passer|пропустить|تخطي/i;
    const HREF = /alternative|in-?person|no-?photo|without-?photo|manual|skip|other-?way/i;

    const videos = Array.from(document.querySelectorAll('video')).map((v) => ({
      domPath: pathOf(v),
      name: clip(v.getAttribute('aria-label') ?? v.getAttribute('title') ?? ''),
      liveStream: typeof MediaStream !== 'undefined' && (v as HTMLVideoElement).srcObject instanceof MediaStream,
      snippet: v.outerHTML.slice(0, 300),
      el: v,
    }));
    const captureInputs = Array.from(document.querySelectorAll('input[type="file"]'))
      .filter((i) => i.hasAttribute('capture') || (/image|video/.test(i.getAttribute('accept') ?? '') && PHOTO.test(nameOf(i))))
      .map((i) => ({ domPath: pathOf(i), name: nameOf(i), accept: i.getAttribute('accept') ?? '', capture: i.getAttribute('capture') ?? '', el: i }));
    const inlineGum = Array.from(document.scripts).some((s) => !s.src && /getUserMedia/.test(s.textContent ?? ''));
    const signals: string[] = [];
    if (videos.length) signals.push(`${videos.length} <video>`);
    if (videos.some((v) => v.liveStream)) signals.push('live MediaStream attached');
    if (captureInputs.length) signals.push(`${captureInputs.length} file input(s) for photos`);
    if (inlineGum) signals.push('inline script calls getUserMedia');
    // Video-only pages that are plainly not capture (a video player with src and controls) do not count.
    const captureVideos = videos.filter((v) => v.liveStream || (!v.el.hasAttribute('src') && !v.el.querySelector('source')));
    const isCameraStep = captureVideos.length > 0 || captureInputs.length > 0 || inlineGum;
    const mainText = norm((document.querySelector('main') as HTMLElement | null)?.innerText ?? document.body.innerText);
    const mentionsPhoto = PHOTO.test(mainText);

    const area = captureVideos[0]?.el.closest('section,form,[class*="capture"],[id*="capture"],div') ?? null;
    const controls = area
      ? Array.from(area.querySelectorAll('button,[role="button"],input[type="button"],input[type="submit"]')).filter((b) => !hidden(b)).slice(0, 10).map((b) => ({ domPath: pathOf(b), role: 'button', name: nameOf(b) }))
      : [];
    const guidance = Array.from(document.querySelectorAll('[aria-live],[role~="status"],[role~="alert"],[role~="log"]'))
      .filter((el) => !hidden(el))
      .map((el) => {
        const role = (el.getAttribute('role') ?? '').split(/\s+/)[0] || null;
        return { domPath: pathOf(el), role, live: el.getAttribute('aria-live') ?? (role === 'alert' ? 'assertive' : 'polite'), text: clip((el as HTMLElement).innerText ?? el.textContent ?? '') };
      })
      .filter((g) => g.live !== 'off')
      .slice(0, 20);
    const alternatives: CameraStepArtifact['alternatives'] = [];
    for (const el of Array.from(document.querySelectorAll('a[href],button,[role="button"],[role="link"],input[type="submit"],input[type="button"]'))) {
      if (hidden(el)) continue;
      const text = nameOf(el);
      const href = el.getAttribute('href');
      const role = el.localName === 'a' || el.getAttribute('role') === 'link' ? 'link' : 'button';
      let why = '';
      if (CANNOT.test(text) && (PHOTO.test(text) || IN_PERSON.test(text))) why = 'says the photo cannot be taken';
      else if (IN_PERSON.test(text) && /verif|identi|visit|appointment|cita|randevou|rendez|встреч|موعد/i.test(text)) why = 'offers in-person verification';
      else if (OTHER_WAY.test(text) && (PHOTO.test(text) || /verif|identi/i.test(text))) why = 'offers another way';
      else if (href && HREF.test(href) && (PHOTO.test(text) || PHOTO.test(href) || CANNOT.test(text) || IN_PERSON.test(text))) why = `link target ${href}`;
      if (why) alternatives.push({ domPath: pathOf(el), role, text, href, why });
    }
    return {
      url: location.href,
      isCameraStep,
      signals,
      videos: videos.map(({ el: _el, ...v }) => v),
      captureInputs: captureInputs.map(({ el: _el, ...i }) => i),
      controls,
      guidance,
      alternatives: alternatives.slice(0, 10),
      mentionsPhoto,
    };
  });
}

export const cameraStepProbe: Probe = {
  id: 'camera-step',
  description: 'Camera / selfie capture: non-visual guidance (live regions) and an alternative path that needs no photo.',
  gather: (page) => gather(page),
};
