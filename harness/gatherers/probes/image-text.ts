/**
 * The text a picture shows, beside the name it is given (1.1.1): for each rendered picture that
 * Chromium gives an accessible name — img, svg, canvas, input type=image, role=img — its name (CDP
 * Accessibility.getPartialAXTree) and the words OCR reads in it as drawn on the page (captured over
 * CDP at twice its size, so a 72 px logo is legible). Facts only; the image-text-alternative audit
 * judges them. Without CDP nothing is read and `source` is 'none'.
 */
import type { Page } from 'playwright';
import type { Probe } from '../../journey/types.ts';
import { IN_PAGE_PRELUDE } from '../in-page.ts';
import { openCdp, type AxNode } from './transcript.ts';
import { OCR_VERSION, withOcr } from '../ocr.ts';
import type { ArtifactOf } from '../../artifacts/schemas.ts';

export type ImageTextArtifact = ArtifactOf<'image-text'>;
export type ImageTextImage = ImageTextArtifact['images'][number];

const LIMIT = 20;
/** Smaller than this (CSS px) a picture holds no word OCR could read. */
const MIN_SIDE = 12;

const CANDIDATES = `(() => {
  ${IN_PAGE_PRELUDE}
  const out = [];
  for (const el of document.querySelectorAll('img, svg, canvas, input[type=image], [role=img]')) {
    if (el.closest('svg') && el.closest('svg') !== el) continue; // drawn as part of its svg
    if (!__portico.hasBox(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < ${MIN_SIDE} || r.height < ${MIN_SIDE}) continue;
    out.push(el);
    if (out.length >= ${LIMIT}) break;
  }
  return out;
})()`;

const DESCRIBE = `function () {
  const r = this.getBoundingClientRect();
  const inControl = this.matches('input') || !!this.parentElement?.closest('a[href], button, [role=button], [role=link], [role=menuitem], [role=tab]');
  return { domPath: __porticoDomPath(this), tag: this.localName, snippet: this.outerHTML.slice(0, 200), inControl,
    x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
}`;

const empty = (source: 'cdp' | 'none'): ImageTextArtifact => ({ schema: 'portico.probe.image-text/1', source, ocr: OCR_VERSION, images: [] });

export async function gatherImageText(page: Page): Promise<ImageTextArtifact> {
  const cdp = await openCdp(page);
  if (!cdp) return empty('none');
  try {
    const list = await cdp.send('Runtime.evaluate', { expression: CANDIDATES });
    if (!list.result.objectId) return empty('cdp');
    const props = await cdp.send('Runtime.getProperties', { objectId: list.result.objectId, ownProperties: true });
    const named: Array<Omit<ImageTextImage, 'words'> & { x: number; y: number }> = [];
    for (const p of props.result) {
      if (!/^\d+$/.test(p.name) || !p.value?.objectId) continue;
      const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', { objectId: p.value.objectId, fetchRelatives: false })) as unknown as { nodes: AxNode[] };
      const node = nodes[0];
      const name = String(node?.name?.value ?? '').replace(/\s+/g, ' ').trim();
      if (!node || node.ignored || !name) continue;
      const d = await cdp.send('Runtime.callFunctionOn', { objectId: p.value.objectId, functionDeclaration: `function () { ${IN_PAGE_PRELUDE} return (${DESCRIBE}).call(this); }`, returnByValue: true });
      named.push({ ...(d.result.value as { domPath: string; tag: string; snippet: string; inControl: boolean; x: number; y: number; width: number; height: number }), role: String(node.role?.value ?? ''), accessibleName: name.slice(0, 200) });
    }
    await cdp.send('Runtime.releaseObject', { objectId: list.result.objectId }).catch(() => undefined);
    if (!named.length) return empty('cdp');
    const images = await withOcr(async (read) => {
      const out: ImageTextImage[] = [];
      for (const { x, y, ...image } of named) {
        const shot = await cdp.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x, y, width: image.width, height: image.height, scale: 2 } });
        out.push({ ...image, width: Math.round(image.width), height: Math.round(image.height), words: await read(Buffer.from(shot.data, 'base64')) });
      }
      return out;
    });
    return { ...empty('cdp'), images };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

export const imageTextProbe: Probe = {
  id: 'image-text',
  description: 'Pictures with an accessible name, and the words OCR reads in them (1.1.1).',
  gather: (page) => gatherImageText(page),
};
