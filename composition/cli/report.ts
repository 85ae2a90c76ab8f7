import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../../harness/page-audit.ts';
import { BundleError } from '../../harness/evidence/errors.ts';
import { openBundle, type BundleSource } from '../../harness/evidence/source.ts';
import { MANIFEST, SIGNATURE, sha256 } from '../../harness/evidence/manifest.ts';
import type { SignatureFile } from '../../harness/evidence/sign.ts';
import { AUDITS_FILE, FILE_OF, FORMATS, renderFormat, type Format } from '../../harness/report/run-output.ts';
import { renderComplaintHtml } from '../../harness/report/complaint.ts';
import { printPdf } from '../../harness/report/pdf.ts';
import type { AuditInfo, RenderInput } from '../../harness/report/render-input.ts';
import type { Artifacts, RunBundle } from '../../harness/types.ts';
import { collectExhibits } from '../../harness/report/exhibits.ts';
import { pathToFileURL } from 'node:url';

export function parseFormats(value: string | undefined): Format[] {
  const list = (value ?? 'html').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || !list.length) throw new UsageError(`--format: unknown format(s) ${unknown.join(', ') || '(none)'}; choose from ${FORMATS.join(', ')}`);
  return list as Format[];
}

function json<T>(source: BundleSource, path: string): T | undefined {
  const bytes = source.read(path);
  if (!bytes) return undefined;
  try { return JSON.parse(bytes.toString('utf8')) as T; } catch (error) { throw new BundleError(`${source.label}: ${path} does not parse (${(error as Error).message})`); }
}

/** The pure reporters' input, read back from a run directory or bundle zip. */
export function renderInputFrom(source: BundleSource, fallbackAudits: AuditInfo[]): RenderInput {
  const bundle = json<RunBundle>(source, 'findings.json');
  if (bundle?.schema !== 'portico.run/1') throw new BundleError(`${source.label}: findings.json is missing or not a Portico run bundle`);
  const sig = json<SignatureFile>(source, SIGNATURE);
  const manifest = source.read(MANIFEST);
  const target = String(bundle.meta?.target ?? 'pages');
  return {
    bundle,
    audits: json<AuditInfo[]>(source, AUDITS_FILE) ?? fallbackAudits,
    title: `Portico: ${target}${bundle.meta?.profile ? ` (${bundle.meta.profile}${bundle.meta.defects ? ` + ${bundle.meta.defects}` : ''})` : ''}`,
    signing: sig ? { signed: true, keyFingerprint: sig.keyFingerprint } : { signed: false },
    manifest: manifest ? { sha256: sha256(manifest), path: MANIFEST } : undefined,
    files: new Set(source.files()),
    exhibits: collectExhibits(artifactsIn(source)),
  };
}

/** The checkpoint artifacts in a bundle (for the charts and crops); unreadable files are skipped here (the audits report them). */
function artifactsIn(source: BundleSource): Artifacts[] {
  const out: Artifacts[] = [];
  for (const p of source.files().filter((f) => f.startsWith('artifacts/') && f.endsWith('.json'))) {
    try {
      const a = JSON.parse(source.read(p)!.toString('utf8')) as Artifacts;
      if (a?.schema === 'portico.artifacts/1' && a.gathered && a.context) out.push(a);
    } catch { /* not an artifact */ }
  }
  return out;
}

/** `portico report`: re-renders formats from a bundle without walking any journey. */
export async function reportCommand(path: string, options: { format?: string; out?: string }, fallbackAudits: AuditInfo[]): Promise<number> {
  const formats = parseFormats(options.format);
  const source = openBundle(resolve(path));
  const input = renderInputFrom(source, fallbackAudits);
  const out = resolve(options.out ?? 'portico-out/rendered');
  if (source.dir && resolve(source.dir) === out) throw new UsageError('--out: re-rendering into the bundle itself would change what its manifest vouches for; choose another directory');
  mkdirSync(out, { recursive: true });
  // Evidence the reports link to comes along, so links and the PDF's screenshots work from here.
  for (const p of source.files().filter((f) => f.startsWith('evidence/'))) {
    mkdirSync(dirname(join(out, p)), { recursive: true });
    writeFileSync(join(out, p), source.read(p)!);
  }
  const timings: string[] = [];
  for (const format of formats) {
    const started = performance.now();
    const file = join(out, FILE_OF[format]);
    if (format === 'pdf') {
      const html = renderComplaintHtml(input, { assetUrl: (p) => (input.files?.has(p) && p.startsWith('evidence/') ? pathToFileURL(join(out, p)).href : undefined) });
      writeFileSync(file, await printPdf(html, out));
    } else writeFileSync(file, renderFormat(format, input));
    timings.push(`  ${file} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
  }
  process.stdout.write(`Rendered from ${path} (${input.signing.signed ? `signed by ${input.signing.keyFingerprint}` : 'UNSIGNED'}; check it with portico verify):\n${timings.join('\n')}\n`);
  return 0;
}
