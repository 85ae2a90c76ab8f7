import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { syntheticPhotoPng } from './photo.ts';

describe('the synthetic photo for upload steps', () => {
  it('is a real PNG of the size asked for, whose pixel data inflates to width × height RGB rows', () => {
    const png = syntheticPhotoPng(32, 24);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(32);
    expect(png.readUInt32BE(20)).toBe(24);
    const idat = png.indexOf('IDAT');
    const len = png.readUInt32BE(idat - 4);
    expect(inflateSync(png.subarray(idat + 4, idat + 4 + len)).length).toBe((32 * 3 + 1) * 24);
  });
});
