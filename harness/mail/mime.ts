/**
 * A minimal MIME reader for the mail a target sends (as nodemailer composes it) (single part or
 * multipart/alternative; 7bit, 8bit, quoted-printable or base64; RFC 2047 encoded headers).
 * Used only to fill the test outbox from what the SMTP server actually received.
 */

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

function splitHeadBody(raw: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return [raw, ''];
  return [raw.slice(0, m.index), raw.slice(m.index + m[0].length)];
}

function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    out[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return out;
}

function decodeQuotedPrintableBytes(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes);
}

/** Decode RFC 2047 encoded words (=?UTF-8?Q?...?= / =?UTF-8?B?...?=). */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _charset: string, enc: string, text: string) => {
      if (enc.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8');
      return decodeQuotedPrintableBytes(text.replace(/_/g, ' ')).toString('utf8');
    });
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (enc === 'quoted-printable') return decodeQuotedPrintableBytes(body).toString('utf8');
  return body;
}

function boundaryOf(contentType: string): string | undefined {
  const m = /boundary="?([^";]+)"?/i.exec(contentType);
  return m ? m[1] : undefined;
}

export function parseMail(raw: string): ParsedMail {
  const [head, body] = splitHeadBody(raw);
  const headers = parseHeaders(head);
  const result: ParsedMail = { headers, subject: decodeWords(headers['subject'] ?? ''), text: '', html: '' };
  const visit = (hdrs: Record<string, string>, content: string) => {
    const ct = (hdrs['content-type'] ?? 'text/plain').toLowerCase();
    if (ct.startsWith('multipart/')) {
      const boundary = boundaryOf(hdrs['content-type'] ?? '');
      if (!boundary) return;
      const parts = content.split('--' + boundary);
      for (const part of parts.slice(1)) {
        if (part.startsWith('--')) break;
        const [ph, pb] = splitHeadBody(part.replace(/^\r?\n/, ''));
        visit(parseHeaders(ph), pb.replace(/\r?\n$/, ''));
      }
      return;
    }
    const decoded = decodeBody(content, hdrs['content-transfer-encoding']);
    if (ct.startsWith('text/html')) result.html ||= decoded;
    else if (ct.startsWith('text/plain')) result.text ||= decoded;
  };
  visit(headers, body);
  return result;
}
