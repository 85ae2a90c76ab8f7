import { randomInt } from 'node:crypto';

/**
 * The `image-captcha` defect: distorted characters in an SVG served as an <img> with no alt and no
 * alternative. Conformant never uses it.
 */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newCaptchaAnswer(): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export function captchaSvg(answer: string): string {
  const chars = [...answer]
    .map((c, i) => {
      const x = 18 + i * 28;
      const y = 38 + randomInt(-6, 7);
      const r = randomInt(-25, 26);
      return `<text x="${x}" y="${y}" transform="rotate(${r} ${x} ${y})" font-family="serif" font-size="30" fill="#555">${c}</text>`;
    })
    .join('');
  let noise = '';
  for (let i = 0; i < 7; i++) {
    noise += `<line x1="${randomInt(0, 160)}" y1="${randomInt(0, 60)}" x2="${randomInt(0, 160)}" y2="${randomInt(0, 60)}" stroke="#888" stroke-width="1.5"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="60" viewBox="0 0 160 60"><rect width="160" height="60" fill="#eee"/>${chars}${noise}</svg>`;
}
