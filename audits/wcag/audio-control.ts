import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { controlsMatching, MUTE_WORDS } from './motion-controls.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';

/**
 * 1.4.2 Audio Control: audio that plays by itself for more than 3 seconds needs a way to pause or
 * stop it, or to set its volume apart from the system's. From the motion probe: media that was
 * playing with sound during the observation window, not muted, longer than 3 s (or looping), with
 * no native controls and no control on the page named pause / stop / mute / volume. A live capture
 * (a camera preview) is not audio content. Whether the media carries sound at all: when the
 * browser cannot tell, the finding is cantTell.
 */
export const audioControlAudit: Audit = {
  meta: {
    id: 'audio-control',
    title: 'Audio that plays by itself can be paused or muted',
    failureTitle: 'Audio plays by itself with no way to stop it',
    description:
      'Audio or video with sound that starts by itself and lasts more than 3 seconds must have a pause / stop / mute control (native controls, or a control on the page) — otherwise a screen-reader user cannot hear their screen reader over it (1.4.2).',
    requiredArtifacts: ['motion'],
    requirements: { wcag: ['1.4.2'] },
    mode: 'automatic',
    rules: {
      'audio-autoplay': { title: 'Audio plays by itself for more than 3 seconds with no pause, stop or mute control', wcag: ['1.4.2'], other: ['F23', 'F93'], impact: 'critical', help: 'Do not autoplay sound; or give the page a Pause / Mute control before anything else, or native controls.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const r = gathered(artifacts, 'motion');
    if (!r.media.length) return { outcome: 'inapplicable', findings: [], notes: ['no audio or video on the page'] };
    const sounding = r.media.filter((m) => !m.live && (m.playing || m.advanced > 0 || m.autoplayBlocked) && !m.muted && m.volume > 0 && m.hasAudio !== false);
    const blocked = sounding.filter((m) => m.autoplayBlocked).length;
    const notes = [`${r.media.length} media element(s); ${sounding.length} playing with sound by itself during ${(r.observedMs / 1000).toFixed(1)} s`];
    if (blocked) notes.push(`${blocked} held by the browser's autoplay policy: judged as it would play where autoplay is allowed (cantTell)`);
    const long = sounding.filter((m) => m.loop || m.duration === null || m.duration > 3);
    if (long.length < sounding.length) notes.push(`${sounding.length - long.length} sound(s) of 3 s or less: allowed`);
    const pageControls = controlsMatching(r.controls, MUTE_WORDS);
    const findings: DraftFinding[] = [];
    for (const m of long) {
      if (m.controls && m.visible) { notes.push(`${m.tag} at ${m.domPath} has native controls`); continue; }
      if (pageControls.length) { notes.push(`${m.tag} at ${m.domPath}: the page has a control named "${pageControls[0]}" (not operated)`); continue; }
      findings.push({
        engines: ['portico'], ruleId: 'audio-autoplay', outcome: m.hasAudio === true && !m.autoplayBlocked ? 'failed' : 'cantTell', impact: 'critical',
        message: `An ${m.tag} ${m.autoplayBlocked ? 'is set to play by itself (this browser\'s autoplay policy held it; most browsers play it once the person has clicked on the site)' : 'plays by itself'} with sound${m.hasAudio === null ? ' (if it has an audio track: the browser could not tell)' : ''} — ${m.loop ? 'looping' : m.duration === null ? 'of unknown length' : `${m.duration} s long`} — and there is no way to pause, stop or mute it: ${m.visible ? 'it has no controls' : 'it is not shown'} and no control on the page is named pause, stop or mute.`,
        selector: m.domPath, domPath: m.domPath, snippet: m.snippet, wcag: ['1.4.2'],
      });
    }
    const outcome = findings.some((f) => f.outcome === 'failed') ? 'failed' : findings.length || (long.length && pageControls.length) ? 'cantTell' : 'passed';
    return { outcome, findings, notes };
  },
};
