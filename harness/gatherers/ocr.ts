/**
 * Reading the text in a picture (Tesseract, through tesseract.js, with the English model that
 * @tesseract.js-data/eng ships: nothing is fetched at run time). One reader per call of
 * `withOcr`, closed after: its worker thread would keep the process alive.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { createWorker, type Worker } from 'tesseract.js';

export interface OcrWord {
  text: string;
  /** Tesseract's confidence in the word, 0–100. */
  confidence: number;
}

const require = createRequire(import.meta.url);
/** The integer "best" model: smaller and more accurate than the fast one on logos and buttons. */
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
export const OCR_VERSION = `tesseract.js ${(require('tesseract.js/package.json') as { version: string }).version}, eng 4.0.0_best_int`;

export type ReadText = (png: Buffer) => Promise<OcrWord[]>;

export async function withOcr<T>(work: (read: ReadText) => Promise<T>): Promise<T> {
  let worker: Worker | undefined;
  const read: ReadText = async (png) => {
    worker ??= await createWorker('eng', 1, { langPath: LANG_PATH, cachePath: join(tmpdir(), 'portico-ocr'), gzip: true });
    const { data } = await worker.recognize(png, {}, { blocks: true });
    return (data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)))
      .map((w) => ({ text: w.text, confidence: Math.round(w.confidence) }))
      .filter((w) => w.text.trim());
  };
  try {
    return await work(read);
  } finally {
    await worker?.terminate().catch(() => undefined);
  }
}
