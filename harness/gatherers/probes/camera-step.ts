import type { Page } from 'playwright';
import { evaluateInPage } from '../in-page.ts';
import type { Probe } from '../../journey/types.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/**
 * Facts about a possible camera / biometric capture step: videos (live stream? src? player
 * controls?), file inputs (accept, capture), the capture controls, live regions and the page's
 * links and buttons. Whether this is a step that requires live capture, and which links are a way
 * around the photo, is the audit's judgement (audits/equity/biometric-alternative.ts).
 */

/** The artifact (schema: harness/artifacts/probe-schemas.ts, where its fields are documented). */
export type CameraStepArtifact = ArtifactOf<'camera-step'>;

async function gather(page: Page): Promise<CameraStepArtifact> {
  return evaluateInPage(page, () => {
    const pathOf = __porticoDomPath;
    const { clip, hiddenFromAll } = __portico;
    const nameOf = (el: Element) => clip(__portico.idRefText(el.getAttribute('aria-labelledby')) || el.getAttribute('aria-label') || __portico.labelText(el)
      || ((el as HTMLElement).innerText ?? el.textContent) || el.getAttribute('title') || (el as HTMLInputElement).value || '');
    const videos = Array.from(document.querySelectorAll('video')).map((v) => ({
      domPath: pathOf(v),
      name: clip(v.getAttribute('aria-label') ?? v.getAttribute('title') ?? ''),
      liveStream: typeof MediaStream !== 'undefined' && (v as HTMLVideoElement).srcObject instanceof MediaStream,
      snippet: v.outerHTML.slice(0, 300),
      el: v,
    }));
    const fileInputs = Array.from(document.querySelectorAll('input[type="file"]')).filter((i) => !hiddenFromAll(i) || Array.from((i as HTMLInputElement).labels ?? []).some((l) => !hiddenFromAll(l)))
      .map((i) => ({ domPath: pathOf(i), name: nameOf(i), accept: i.getAttribute('accept') ?? '', capture: i.getAttribute('capture'), required: (i as HTMLInputElement).required }));
    const scriptMentionsGetUserMedia = Array.from(document.scripts).some((s) => !s.src && /getUserMedia/.test(s.textContent ?? ''));
    const captureVideos = videos.filter((v) => v.liveStream || (!v.el.hasAttribute('src') && !v.el.querySelector('source') && !v.el.hasAttribute('controls')));
    const area = captureVideos[0]?.el.closest('section,form,[class*="capture"],[id*="capture"],div') ?? null;
    const controls = area
      ? Array.from(area.querySelectorAll('button,[role="button"],input[type="button"],input[type="submit"]')).filter((b) => !hiddenFromAll(b)).slice(0, 10).map((b) => ({ domPath: pathOf(b), role: 'button', name: nameOf(b) }))
      : [];
    const guidance = Array.from(document.querySelectorAll('[aria-live],[role~="status"],[role~="alert"],[role~="log"]'))
      .filter((el) => !hiddenFromAll(el))
      .map((el) => {
        const role = (el.getAttribute('role') ?? '').split(/\s+/)[0] || null;
        return { domPath: pathOf(el), role, live: el.getAttribute('aria-live') ?? (role === 'alert' ? 'assertive' : 'polite'), text: clip((el as HTMLElement).innerText ?? el.textContent ?? '') };
      })
      .filter((g) => g.live !== 'off')
      .slice(0, 20);
    const links: CameraStepArtifact['links'] = [];
    for (const el of Array.from(document.querySelectorAll('a[href],button,[role="button"],[role="link"],input[type="submit"],input[type="button"]'))) {
      if (hiddenFromAll(el) || links.length >= 80) continue;
      links.push({ domPath: pathOf(el), role: el.localName === 'a' || el.getAttribute('role') === 'link' ? 'link' : 'button', text: nameOf(el), href: el.getAttribute('href') });
    }
    return {
      url: location.href,
      videos: videos.map((v) => ({ domPath: v.domPath, name: v.name, liveStream: v.liveStream, hasSrc: v.el.hasAttribute('src') || Boolean(v.el.querySelector('source')), controls: v.el.hasAttribute('controls'), snippet: v.snippet })),
      fileInputs,
      controls,
      scriptMentionsGetUserMedia,
      guidance,
      links,
    };
  });
}

export const cameraStepProbe: Probe = {
  id: 'camera-step',
  description: 'Camera / selfie capture facts: videos (live stream, src, controls), file inputs (accept, capture), capture controls, live regions and the links/buttons on the page.',
  gather: (page) => gather(page),
};
