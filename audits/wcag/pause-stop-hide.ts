import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { controlsMatching, PAUSE_WORDS } from './motion-controls.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

const CAP = 10;
const FIVE_SECONDS = 5000;
const parentOf = (domPath: string) => domPath.split('>').slice(0, -1).join('>');

/**
 * 2.2.2 Pause, Stop, Hide: content that moves, blinks or scrolls by itself for more than 5 seconds,
 * alongside other content, needs a way to pause, stop or hide it. From the motion probe:
 * - an animation that runs for ever or longer than 5 s (not a loading indicator), a <marquee>, a
 *   video playing by itself for more than 5 s with no controls — failed, when no control on the page
 *   is named pause / stop / hide;
 * - content that changed by itself during the observation window (a carousel, a ticker) outside a
 *   live region — cantTell: whether it keeps moving for more than 5 s was not seen.
 * With a pause-like control on the page, nothing is failed and the verdict is cantTell (the control
 * was not operated).
 */
export const pauseStopHideAudit: Audit = {
  meta: {
    id: 'pause-stop-hide',
    title: 'Moving and auto-updating content can be paused',
    failureTitle: 'Content moves by itself with no way to pause it',
    description:
      'Animations, marquees, videos and carousels that start by themselves and run for more than 5 seconds need a pause, stop or hide control (2.2.2); a loading indicator is exempt. Content seen updating by itself during the window is cantTell.',
    requiredArtifacts: ['motion'],
    requirements: { wcag: ['2.2.2'] },
    mode: 'semiAuto',
    rules: {
      'motion-animation': { title: 'An animation runs for more than 5 seconds with no way to pause it', wcag: ['2.2.2'], other: ['F16'], impact: 'serious', help: 'Stop the animation within 5 seconds, or add a Pause control.' },
      'motion-marquee': { title: 'A marquee scrolls with no way to pause it', wcag: ['2.2.2'], other: ['F16'], impact: 'serious', help: 'Replace the marquee with static text.' },
      'motion-video': { title: 'A video plays by itself for more than 5 seconds with no controls', wcag: ['2.2.2'], impact: 'serious', help: 'Do not autoplay video, or give it controls.' },
      'auto-updating': { title: 'Content changes by itself with no way to pause it', wcag: ['2.2.2'], impact: 'moderate', help: 'Give carousels and tickers a Pause control, or do not rotate them by themselves.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'motion');
    const pause = controlsMatching(r.controls, PAUSE_WORDS);
    const notes = [`observed ${(r.observedMs / 1000).toFixed(1)} s: ${r.animations.length} running animation(s), ${r.marquees.length} marquee(s), ${r.media.length} media, ${r.changes.length} element(s) changed by themselves`];
    if (r.reducedMotion) notes.push('the page was asked for reduced motion');
    const long = r.animations.filter((a) => (a.infinite || (a.totalMs ?? 0) > FIVE_SECONDS) && !a.progressIndicator && a.area > 0);
    const loaders = r.animations.filter((a) => a.progressIndicator).length;
    if (loaders) notes.push(`${loaders} animation(s) of loading indicators: exempt`);
    const videos = r.media.filter((m) => m.tag === 'video' && !m.live && m.visible && (m.playing || m.advanced > 0) && (m.loop || m.duration === null || m.duration > 5) && !m.controls);
    // Carousels rotate their slides: changes of siblings are one moving thing, said once.
    const groups = new Map<string, typeof r.changes>();
    for (const c of r.changes.filter((c) => !c.inLiveRegion)) {
      const key = parentOf(c.domPath);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const moving = long.length + r.marquees.length + videos.length + groups.size;
    if (!moving) return { outcome: 'passed', findings: [], notes };
    if (pause.length) return { outcome: 'cantTell', findings: [], notes: [...notes, `content moves by itself; the page has a control named "${pause[0]}" (not operated: whether it pauses everything was not checked)`] };
    const findings: DraftFinding[] = [];
    const seen = new Set<string>();
    for (const a of long) {
      if (seen.has(a.domPath)) continue;
      seen.add(a.domPath);
      findings.push({ engines: ['portico'], ruleId: 'motion-animation', outcome: 'failed', impact: 'serious',
        message: `The ${a.kind === 'CSSTransition' ? 'transition' : 'animation'} "${a.name}" runs ${a.infinite ? 'for ever' : `for ${(a.totalMs! / 1000).toFixed(1)} s`} on an element of ${a.area} px² and no control on the page pauses, stops or hides it.`,
        selector: a.domPath, domPath: a.domPath, snippet: a.snippet, wcag: ['2.2.2'] });
    }
    for (const m of r.marquees) findings.push({ engines: ['portico'], ruleId: 'motion-marquee', outcome: 'failed', impact: 'serious', message: `A marquee scrolls "${m.text}" with no way to pause it.`, selector: m.domPath, domPath: m.domPath, snippet: m.snippet, wcag: ['2.2.2'] });
    for (const v of videos) findings.push({ engines: ['portico'], ruleId: 'motion-video', outcome: 'failed', impact: 'serious', message: `A video plays by itself (${v.loop ? 'looping' : v.duration === null ? 'unknown length' : `${v.duration} s`}) with no controls and no pause control on the page.`, selector: v.domPath, domPath: v.domPath, snippet: v.snippet, wcag: ['2.2.2'] });
    for (const [parent, list] of groups) {
      const where = list.length > 1 ? parent : list[0].domPath;
      findings.push({ engines: ['portico'], ruleId: 'auto-updating', outcome: 'cantTell', impact: 'moderate',
        message: `Content changed by itself ${list.reduce((n, c) => n + c.changes, 0)} time(s) in ${(r.observedMs / 1000).toFixed(1)} s (${list.map((c) => `"${c.text || c.domPath.split('>').pop()}"`).slice(0, 3).join(', ')}) and no control pauses it. Check whether it keeps moving for more than 5 seconds.`,
        selector: where, domPath: where, snippet: list[0].snippet, wcag: ['2.2.2'] });
    }
    if (findings.length > CAP) notes.push(`${findings.length - CAP} more not listed`);
    const kept = findings.slice(0, CAP);
    return { outcome: kept.some((f) => f.outcome === 'failed') ? 'failed' : 'cantTell', findings: kept, notes };
  },
};
