import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KeyObject } from 'node:crypto';
import type { Artifacts, RunBundle } from '../types.ts';
import { loadArtifactsDir } from '../artifacts/store.ts';
import { collectExhibits } from './exhibits.ts';
import { renderText } from './text.ts';
import { renderMarkdown } from './markdown.ts';
import { renderHtml } from './html.ts';
import { renderSarif } from './sarif.ts';
import { renderJunit } from './junit.ts';
import { renderEarl } from './earl.ts';
import { renderOpenAcr } from './openacr.ts';
import { renderComplaintHtml } from './complaint.ts';
import { printPdf } from './pdf.ts';
import type { AuditInfo, RenderInput, SigningState } from './render-input.ts';
import { listRunFiles, COMPLAINT, COMPLAINT_SIGNATURE } from '../evidence/manifest.ts';
import { keyFingerprint, loadPrivateKey, signBytes } from '../evidence/sign.ts';
import { runMetadata, sealRunDir } from '../evidence/seal.ts';

export const FORMATS = ['html', 'text', 'markdown', 'sarif', 'junit', 'earl', 'openacr', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

export const FILE_OF: Record<Format, string> = {
  html: 'report.html',
  text: 'summary.txt',
  markdown: 'summary.md',
  sarif: 'report.sarif',
  junit: 'junit.xml',
  earl: 'earl.jsonld',
  openacr: 'openacr.yaml',
  pdf: COMPLAINT,
};

export const AUDITS_FILE = 'audits.json';

/** `portico run` hands the chosen outputs to its reporter in the environment. */
export const FORMATS_ENV = 'PORTICO_FORMATS';
export function formatsFromEnv(env: NodeJS.ProcessEnv = process.env): Format[] | undefined {
  const raw = env[FORMATS_ENV];
  return raw ? (raw.split(',').filter((f) => (FORMATS as readonly string[]).includes(f)) as Format[]) : undefined;
}

export interface RunOutputOptions {
  /** Only these outputs beside findings.json and the manifest (portico.config `reporters`); all when absent. */
  formats?: readonly Format[];
  /** The audits' declared meta (the composition root passes the registry's). Written to audits.json. */
  audits?: AuditInfo[];
  /** Private key file; default PORTICO_SIGNING_KEY. No key: the manifest is written unsigned, and says so. */
  signingKey?: string;
  /** Default PORTICO_COMMAND_LINE (set by the CLI), as JSON. */
  commandLine?: string[];
  /** Set false to skip printing complaint.pdf (it needs Chromium). */
  pdf?: boolean;
  /** The run's checkpoint artifacts (charts and crops are drawn from them); default: read from <outDir>/artifacts. */
  artifacts?: readonly Artifacts[];
}

export function signingKeyFrom(options: { signingKey?: string }): KeyObject | undefined {
  const file = options.signingKey ?? process.env.PORTICO_SIGNING_KEY;
  return file ? loadPrivateKey(resolve(file)) : undefined;
}

export function signingState(key: KeyObject | undefined): SigningState {
  return key ? { signed: true, keyFingerprint: keyFingerprint(key) } : { signed: false };
}

function commandLineFromEnv(): string[] | undefined {
  try { return process.env.PORTICO_COMMAND_LINE ? (JSON.parse(process.env.PORTICO_COMMAND_LINE) as string[]) : undefined; } catch { return undefined; }
}

/** Renders one format (not pdf) to its file contents. Pure. */
export function renderFormat(format: Exclude<Format, 'pdf'>, input: RenderInput): string {
  switch (format) {
    case 'html': return renderHtml(input);
    case 'text': return renderText(input.bundle, { maxPerGroup: 1000, signing: input.signing }) + '\n';
    case 'markdown': return renderMarkdown(input.bundle, input.title);
    case 'sarif': return JSON.stringify(renderSarif(input), null, 2) + '\n';
    case 'junit': return renderJunit(input);
    case 'earl': return JSON.stringify(renderEarl(input), null, 2) + '\n';
    case 'openacr': return renderOpenAcr(input);
  }
}

/** Prints complaint.pdf (citing the manifest) and, when signing, complaint.pdf.sig. */
export async function writeComplaint(outDir: string, input: RenderInput, key?: KeyObject): Promise<string[]> {
  const files = new Set(listRunFiles(outDir));
  const html = renderComplaintHtml(input, { assetUrl: (p) => (files.has(p) ? pathToFileURL(join(outDir, p)).href : undefined) });
  const pdf = await printPdf(html, outDir);
  await writeFile(join(outDir, COMPLAINT), pdf);
  const written = [join(outDir, COMPLAINT)];
  if (key) {
    await writeFile(join(outDir, COMPLAINT_SIGNATURE), JSON.stringify(signBytes(pdf, key), null, 2) + '\n');
    written.push(join(outDir, COMPLAINT_SIGNATURE));
  }
  return written;
}

/**
 * Writes a run's outputs: findings.json (the bundle), audits.json, report.html, summary.txt,
 * report.sarif, junit.xml, earl.jsonld, openacr.yaml; then manifest.json (every file hashed),
 * manifest.sig when a signing key is given, and complaint.pdf. Returns their paths.
 */
export async function writeRunOutputs(outDir: string, bundle: RunBundle, title: string, options: RunOutputOptions = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const key = signingKeyFrom(options);
  const audits = options.audits ?? (existsSync(join(outDir, AUDITS_FILE)) ? (JSON.parse(readFileSync(join(outDir, AUDITS_FILE), 'utf8')) as AuditInfo[]) : []);
  const written: string[] = [];
  const put = async (name: string, content: string) => {
    await writeFile(join(outDir, name), content);
    written.push(join(outDir, name));
  };
  await put('findings.json', JSON.stringify(bundle, null, 2));
  await put(AUDITS_FILE, JSON.stringify(audits, null, 2) + '\n');
  const artifacts = options.artifacts ?? (existsSync(join(outDir, 'artifacts')) ? (await loadArtifactsDir(join(outDir, 'artifacts'))).map((l) => l.artifacts) : []);
  const input: RenderInput = { bundle, audits, title, signing: signingState(key), files: new Set(listRunFiles(outDir)), exhibits: collectExhibits(artifacts) };
  const wanted = (f: Format) => !options.formats || options.formats.includes(f);
  for (const format of FORMATS) if (format !== 'pdf' && wanted(format)) await put(FILE_OF[format], renderFormat(format, input));
  const sealed = sealRunDir(outDir, runMetadata(bundle, options.commandLine ?? commandLineFromEnv()), key);
  written.push(...sealed.files);
  if (options.pdf !== false && wanted('pdf')) {
    try {
      written.push(...(await writeComplaint(outDir, { ...input, manifest: { sha256: sealed.manifestSha256, path: 'manifest.json' } }, key)));
    } catch (error) {
      process.stderr.write(`portico: complaint.pdf was not printed: ${(error as Error).message.split('\n')[0]}\n`);
    }
  }
  return written;
}
