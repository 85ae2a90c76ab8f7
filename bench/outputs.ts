/**
 * Times what a run's outputs cost on a finished run directory (default: a cbp-one-2023 run made with
 * `portico run --profile cbp-one-2023 --out /tmp/outputs-cbp`): rendering each format, writing
 * them all with the manifest, signing, printing the complaint, zipping, verifying; sizes; issues
 * versus occurrences. Rewrites that directory's outputs (its journeys are not re-run).
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunBundle } from '../harness/types.ts';
import { isBarrier } from '../harness/bundle.ts';
import { AUDITS } from '../audits/index.ts';
import { FORMATS, renderFormat, writeRunOutputs, signingKeyFrom, signingState } from '../harness/report/run-output.ts';
import { countIssues, groupIssues } from '../harness/report/issues.ts';
import { generateSigningKey, loadPrivateKey, loadPublicKey } from '../harness/evidence/sign.ts';
import { runMetadata, sealRunDir } from '../harness/evidence/seal.ts';
import { listRunFiles } from '../harness/evidence/manifest.ts';
import { openBundle } from '../harness/evidence/source.ts';
import { verifyBundle } from '../harness/evidence/verify.ts';
import { zipRunDir } from '../harness/evidence/zip.ts';

const dir = resolve(process.argv[2] ?? '/tmp/outputs-cbp');
const bundle = JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8')) as RunBundle;
const audits = AUDITS.map((a) => a.meta);
const keyFile = join(mkdtempSync(join(tmpdir(), 'portico-bench-')), 'key');
generateSigningKey(keyFile);

const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, (performance.now() - t) / 1000];
};
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const rows: Array<[string, string]> = [];

const barriers = bundle.findings.filter(isBarrier);
const counts = countIssues(groupIssues(barriers));
rows.push(['barrier findings (occurrences)', String(barriers.length)]);
rows.push(['issues (rule × element × page)', `${counts.issues} (${counts.blocking} blocking); ${(barriers.length / Math.max(counts.issues, 1)).toFixed(1)} occurrences per issue`]);

const input = { bundle, audits, title: 'bench', signing: signingState(signingKeyFrom({ signingKey: keyFile })), files: new Set(listRunFiles(dir)) };
for (const f of FORMATS) {
  if (f === 'pdf') continue;
  const [out, s] = await time(() => renderFormat(f, input));
  rows.push([`render ${f}`, `${s.toFixed(3)} s, ${mb(Buffer.byteLength(out))}`]);
}
const [, unsigned] = await time(() => writeRunOutputs(dir, bundle, 'bench', { audits, pdf: false }));
rows.push(['write every format + manifest (unsigned, no PDF)', `${unsigned.toFixed(2)} s`]);
const [, sealS] = await time(() => sealRunDir(dir, runMetadata(bundle), loadPrivateKey(keyFile)));
rows.push(['manifest (hash every file) + Ed25519 signature', `${sealS.toFixed(2)} s`]);
const [, all] = await time(() => writeRunOutputs(dir, bundle, 'Portico: reference (cbp-one-2023)', { audits, signingKey: keyFile }));
rows.push(['write everything, signed, with complaint.pdf', `${all.toFixed(2)} s (the PDF is the rest: Chromium start + print)`]);
rows.push(['complaint.pdf', mb(statSync(join(dir, 'complaint.pdf')).size)]);
const files = listRunFiles(dir);
const total = files.reduce((n, p) => n + statSync(join(dir, p)).size, 0);
rows.push(['run directory', `${files.length} files, ${mb(total)}`]);
const zip = `${dir}.zip`;
const [size, zipS] = await time(() => zipRunDir(dir, zip));
rows.push(['portico bundle (zip)', `${zipS.toFixed(2)} s, ${mb(size)}`]);
const pub = loadPublicKey(`${keyFile}.pub`);
const [vd, vdS] = await time(() => verifyBundle(openBundle(dir), pub));
rows.push(['portico verify DIR --key', `${vdS.toFixed(2)} s, ${vd.ok ? 'verified' : 'NOT verified'}`]);
const [vz, vzS] = await time(() => verifyBundle(openBundle(zip), pub));
rows.push(['portico verify ZIP --key', `${vzS.toFixed(2)} s, ${vz.ok ? 'verified' : 'NOT verified'} (complaint ${vz.complaint})`]);

const width = Math.max(...rows.map(([k]) => k.length));
process.stdout.write(`Outputs of ${dir} (${bundle.meta?.profile ?? ''}, status ${bundle.status})\n\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`);
if (!vd.ok || !vz.ok) process.exitCode = 1;
