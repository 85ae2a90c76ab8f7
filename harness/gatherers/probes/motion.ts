/**
 * What moves, plays or updates on a page by itself: media elements (playing or not, muted or not,
 * whether they carry sound, how long, with native controls), running animations (CSS animations
 * and transitions, Web Animations: their duration and iterations), <marquee>, and the elements
 * whose content or visibility changed during a short observation window with no input. Also the
 * names of the page's buttons, so an audit can look for a pause / stop / mute control.
 * Facts only; the audio-control (1.4.2) and pause-stop-hide (2.2.2) audits judge.
 *
 * A MediaStream (a live camera preview, e.g. a selfie step) is recorded as `live` — it is the
 * activity itself, not content that plays.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { evaluateInPage } from '../in-page.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

/** The artifact (schema: harness/artifacts/barrier-schemas.ts, where its fields are documented). */
export type MotionArtifact = ArtifactOf<'motion'>;
export type MotionMedia = MotionArtifact['media'][number];
export type MotionAnimation = MotionArtifact['animations'][number];
export type MotionChange = MotionArtifact['changes'][number];

async function observe(windowMs: number): Promise<Omit<MotionArtifact, 'schema'>> {
  const pathOf = __porticoDomPath;
  const { norm, hasBox } = __portico;
  const snip = (el: Element) => el.outerHTML.slice(0, 160);
  const LIVE = '[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log], [role=alertdialog], [role=dialog], dialog, [role=progressbar], progress, [aria-busy=true]';
  const mediaEls = [...document.querySelectorAll('audio, video')] as HTMLMediaElement[];
  const startTimes = mediaEls.map((m) => m.currentTime);
  const counts = new Map<Element, number>();
  const bump = (n: Node | null) => { const el = n && (n.nodeType === 1 ? n as Element : n.parentElement); if (el) counts.set(el, (counts.get(el) ?? 0) + 1); };
  const watched = ['class', 'style', 'hidden', 'aria-hidden', 'src', 'aria-current', 'aria-selected'];
  const observer = new MutationObserver((list) => {
    for (const m of list) {
      if (m.type === 'characterData') { if (m.oldValue !== m.target.textContent) bump(m.target); }
      else if (m.type === 'attributes') { if (m.oldValue !== (m.target as Element).getAttribute(m.attributeName!)) bump(m.target); }
      else {
        const removed = [...m.removedNodes].map((n) => n.textContent ?? '').join('');
        const added = [...m.addedNodes].map((n) => n.textContent ?? '').join('');
        if (removed !== added || m.addedNodes.length !== m.removedNodes.length) bump(m.target);
      }
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true, attributeOldValue: true, attributeFilter: watched });
  const started = performance.now();
  await new Promise((r) => setTimeout(r, windowMs));
  observer.takeRecords();
  observer.disconnect();
  const observedMs = Math.round(performance.now() - started);

  const media: MotionMedia[] = mediaEls.map((m, i) => {
    const anyM = m as HTMLMediaElement & { webkitAudioDecodedByteCount?: number; mozHasAudio?: boolean; audioTracks?: { length: number } };
    let hasAudio: boolean | null = null;
    if (typeof anyM.mozHasAudio === 'boolean') hasAudio = anyM.mozHasAudio;
    else if (anyM.audioTracks) hasAudio = anyM.audioTracks.length > 0;
    else if (typeof anyM.webkitAudioDecodedByteCount === 'number' && m.currentTime > 0) hasAudio = anyM.webkitAudioDecodedByteCount > 0;
    const live = typeof MediaStream !== 'undefined' && m.srcObject instanceof MediaStream;
    if (live) hasAudio = (m.srcObject as MediaStream).getAudioTracks().length > 0;
    return {
      domPath: pathOf(m), tag: m.localName as 'audio' | 'video', autoplay: m.autoplay, loop: m.loop, controls: m.controls,
      muted: m.muted, volume: m.volume, duration: Number.isFinite(m.duration) ? Math.round(m.duration * 10) / 10 : null, live, hasAudio,
      playing: !m.paused && !m.ended, advanced: Math.round((m.currentTime - startTimes[i]) * 10) / 10,
      autoplayBlocked: m.autoplay && m.paused && !m.ended && m.currentTime === 0 && m.readyState >= 2, visible: hasBox(m), snippet: snip(m),
    };
  });
  const animations: MotionAnimation[] = [];
  for (const a of document.getAnimations()) {
    if (a.playState !== 'running') continue;
    const effect = a.effect as KeyframeEffect | null;
    const target = effect?.target as Element | null | undefined;
    if (!target || !hasBox(target)) continue;
    const t = effect!.getComputedTiming();
    const dur = typeof t.duration === 'number' ? t.duration : null;
    const infinite = t.iterations === Infinity;
    const r = target.getBoundingClientRect();
    animations.push({
      domPath: pathOf(target), kind: a.constructor.name, name: (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.id ?? '',
      durationMs: dur, infinite, totalMs: infinite ? null : typeof t.activeDuration === 'number' ? Math.round(t.activeDuration + (Number(t.delay) || 0)) : null,
      area: Math.round(r.width * r.height), progressIndicator: !!target.closest('[role=progressbar], progress, [role=status], [aria-busy=true]'), snippet: snip(target),
    });
    if (animations.length >= 50) break;
  }
  const marquees = [...document.querySelectorAll('marquee')].filter(hasBox).map((m) => ({ domPath: pathOf(m), text: norm(m.textContent).slice(0, 80), snippet: snip(m) }));
  const changes: MotionChange[] = [...counts.entries()]
    .filter(([el]) => el.isConnected && !el.closest('audio, video'))
    .map(([el, n]) => ({ domPath: pathOf(el), changes: n, inLiveRegion: !!el.closest(LIVE), text: norm((el as HTMLElement).innerText).slice(0, 80), snippet: snip(el) }))
    .sort((a, b) => b.changes - a.changes).slice(0, 30);
  const controls = [...document.querySelectorAll('button, [role=button], input[type=button], input[type=submit], [role=switch], a[href]')]
    .filter(hasBox)
    .map((el) => norm(el.getAttribute('aria-label') || (el as HTMLElement).innerText || (el as HTMLInputElement).value || el.getAttribute('title') || el.querySelector('[aria-label], img[alt], title')?.getAttribute('aria-label') || el.querySelector('img[alt]')?.getAttribute('alt') || el.querySelector('title')?.textContent || ''))
    .filter(Boolean).slice(0, 200);
  return { observedMs, reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches, media, animations, marquees, changes, controls };
}

export async function gatherMotion(page: Page, options: { windowMs?: number } = {}): Promise<MotionArtifact> {
  const r = await evaluateInPage(page, observe, options.windowMs ?? 5500);
  return { schema: 'portico.probe.motion/1', ...r };
}

export const motionProbe: Probe = {
  id: 'motion',
  description: 'Media that plays by itself, animations, marquees and content that updates with no input during a 5.5 s window (1.4.2, 2.2.2).',
  gather: (page) => gatherMotion(page),
};
