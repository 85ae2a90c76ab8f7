/**
 * The outlined element on a cropped screenshot (pure): the crop is a PNG Chromium took of a clip
 * of the page around a flagged element at the checkpoint (harness/gatherers/element-crops.ts; no
 * image library is in node_modules); here the element's recorded box is drawn over it as an
 * outline. The outline is the box intersected with the clip, so it never leaves the image; no
 * crop, an empty clip or a box outside the clip gives no image at all.
 */
import type { Box, ElementCrop } from './exhibits.ts';
import { h } from './safe-text.ts';

/** The element's box in the crop's own coordinates, clipped to the crop; undefined when nothing of it is inside. */
export function outlineInCrop(crop: Pick<ElementCrop, 'box' | 'clip'>): Box | undefined {
  const { box, clip } = crop;
  if (!(clip.width > 0 && clip.height > 0)) return undefined;
  const x1 = Math.max(box.x, clip.x);
  const y1 = Math.max(box.y, clip.y);
  const x2 = Math.min(box.x + box.width, clip.x + clip.width);
  const y2 = Math.min(box.y + box.height, clip.y + clip.height);
  if (x2 <= x1 || y2 <= y1) return undefined;
  return { x: x1 - clip.x, y: y1 - clip.y, width: x2 - x1, height: y2 - y1 };
}

const r1 = (v: number) => Math.round(v * 10) / 10;

/** An SVG showing the crop with the element outlined; '' when there is nothing to show. */
export function cropSvg(crop: Pick<ElementCrop, 'box' | 'clip'>, src: string, id: string, label: string): string {
  const o = outlineInCrop(crop);
  if (!o || !src) return '';
  const w = r1(crop.clip.width);
  const ht = r1(crop.clip.height);
  // Small crops are shown larger (up to 3×), large ones fit a column.
  const scale = Math.min(3, 480 / w, 480 / ht);
  // Inset the outline so its stroke stays inside the image.
  const inset = (b: Box, by: number): Box => ({ x: Math.min(b.x + by, w - by), y: Math.min(b.y + by, ht - by), width: Math.max(0, b.width - 2 * by), height: Math.max(0, b.height - 2 * by) });
  const outer = inset(o, 1.5);
  const inner = inset(o, 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" role="img" aria-labelledby="${h(id)}-title ${h(id)}-desc" viewBox="0 0 ${w} ${ht}" width="${r1(w * scale)}" height="${r1(ht * scale)}">
<title id="${h(id)}-title">${h(label)}</title>
<desc id="${h(id)}-desc">${h(`Crop of ${w} × ${ht} CSS pixels at page position ${r1(crop.clip.x)}, ${r1(crop.clip.y)}; the outline marks the element (${r1(o.width)} × ${r1(o.height)} pixels).`)}</desc>
<image href="${h(src)}" xlink:href="${h(src)}" x="0" y="0" width="${w}" height="${ht}" preserveAspectRatio="none"/>
<rect x="${r1(outer.x)}" y="${r1(outer.y)}" width="${r1(outer.width)}" height="${r1(outer.height)}" fill="none" stroke="#b50909" stroke-width="3"/>
${inner.width > 0 && inner.height > 0 ? `<rect x="${r1(inner.x)}" y="${r1(inner.y)}" width="${r1(inner.width)}" height="${r1(inner.height)}" fill="none" stroke="#ffffff" stroke-width="1.5"/>` : ''}
</svg>`;
}
