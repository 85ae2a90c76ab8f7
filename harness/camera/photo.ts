import { crc32, deflateSync } from 'node:zlib';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A neutral synthetic photo (PNG, 320×240, a soft grey gradient) for upload steps, so a persona
 * can attach "a photo" to any target without a real person's image.
 */
export function syntheticPhotoPng(width = 320, height = 240): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const v = 110 + Math.round(40 * Math.sin((x / width) * Math.PI) * Math.cos((y / height - 0.5) * Math.PI));
      raw.set([v, v, v + 6], row + 1 + x * 3);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** The synthetic photo as a file (written once per machine). */
export function syntheticPhotoFile(): string {
  const dir = join(tmpdir(), 'portico-stimuli');
  const file = join(dir, 'synthetic-photo-v1.png');
  if (!existsSync(file)) { mkdirSync(dir, { recursive: true }); writeFileSync(file, syntheticPhotoPng()); }
  return file;
}
