import { describe, expect, it } from 'vitest';
import { cropSvg, outlineInCrop } from './crop.ts';
import { clipAround, flaggedDomPaths } from '../gatherers/element-crops.ts';

describe('the outline on a crop', () => {
  it('is the element box in the crop’s own coordinates', () => {
    expect(outlineInCrop({ box: { x: 100, y: 2000, width: 80, height: 30 }, clip: { x: 68, y: 1968, width: 144, height: 94 } })).toEqual({ x: 32, y: 32, width: 80, height: 30 });
  });
  it('never leaves the image: a box larger than the clip is cut to it', () => {
    const o = outlineInCrop({ box: { x: -50, y: 10, width: 2000, height: 40 }, clip: { x: 0, y: 0, width: 1200, height: 90 } })!;
    expect(o).toEqual({ x: 0, y: 10, width: 1200, height: 40 });
    const svg = cropSvg({ box: { x: -50, y: 10, width: 2000, height: 40 }, clip: { x: 0, y: 0, width: 1200, height: 90 } }, 'evidence/a.png', 'c', 'label');
    for (const m of svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const [x, y, w, h] = m.slice(1).map(Number);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(x + w).toBeLessThanOrEqual(1200);
      expect(y + h).toBeLessThanOrEqual(90);
    }
  });
  it('no image when there is no box inside the crop, an empty clip or no source', () => {
    expect(outlineInCrop({ box: { x: 500, y: 500, width: 10, height: 10 }, clip: { x: 0, y: 0, width: 100, height: 100 } })).toBeUndefined();
    expect(outlineInCrop({ box: { x: 0, y: 0, width: 10, height: 10 }, clip: { x: 0, y: 0, width: 0, height: 100 } })).toBeUndefined();
    expect(cropSvg({ box: { x: 500, y: 500, width: 10, height: 10 }, clip: { x: 0, y: 0, width: 100, height: 100 } }, 'evidence/a.png', 'c', 'l')).toBe('');
    expect(cropSvg({ box: { x: 0, y: 0, width: 10, height: 10 }, clip: { x: 0, y: 0, width: 100, height: 100 } }, '', 'c', 'l')).toBe('');
  });
  it('is an accessible image with its label escaped', () => {
    const svg = cropSvg({ box: { x: 10, y: 10, width: 10, height: 10 }, clip: { x: 0, y: 0, width: 100, height: 100 } }, 'evidence/a"b.png', 'c"1', '<img src=x onerror=alert(1)>');
    expect(svg).toMatch(/role="img" aria-labelledby="c&quot;1-title c&quot;1-desc"/);
    expect(svg).toContain('<title id="c&quot;1-title">&lt;img src=x onerror=alert(1)&gt;</title>');
    expect(svg).toContain('href="evidence/a&quot;b.png"');
    expect(svg).not.toContain('<img');
  });
});

describe('the clip around a flagged element', () => {
  it('pads the box and stays inside the page', () => {
    expect(clipAround({ x: 10, y: 5, width: 100, height: 20 }, { width: 1280, height: 800 }, 32)).toEqual({ x: 0, y: 0, width: 142, height: 57 });
    expect(clipAround({ x: 1250, y: 780, width: 100, height: 50 }, { width: 1280, height: 800 }, 32)).toEqual({ x: 1218, y: 748, width: 62, height: 52 });
  });
  it('none for an element without a visible box or off the page', () => {
    expect(clipAround({ x: 10, y: 10, width: 0, height: 20 }, { width: 1280, height: 800 }, 32)).toBeUndefined();
    expect(clipAround({ x: 2000, y: 10, width: 10, height: 20 }, { width: 1280, height: 800 }, 0)).toBeUndefined();
  });
  it('takes only elements a finding can cite, once each', () => {
    expect(flaggedDomPaths({
      axe: { violations: [{ nodes: [{ domPath: 'a' }, { domPath: null }] }], incomplete: [{ nodes: [{ domPath: 'b' }, { domPath: 'a' }] }], passes: ['x'] },
      htmlcs: { issues: [{ type: 'notice', domPath: 'n' }, { type: 'error', domPath: 'c' }] },
      keyboard: { pointerOnly: [{ domPath: 'd' }], sequence: [{ domPath: 'visited' }] },
    })).toEqual(['a', 'b', 'c', 'd']);
    expect(flaggedDomPaths({ axe: { error: 'crashed' } })).toEqual([]);
  });
});
