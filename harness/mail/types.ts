/** A message as the harness observed it, whoever delivered it (Portico's sink or a Mailpit/MailHog API). */
export interface ObservedMail {
  /** The envelope recipient exactly as received (RCPT TO). */
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Content-Language header when the sender set one. */
  contentLanguage?: string;
  receivedAt: string;
}

/** Where the harness reads a target's outgoing mail. */
export interface MailReader {
  /** Messages delivered to this exact address (the domain compared as IDNA; the local part exact). */
  messagesTo(address: string): Promise<ObservedMail[]>;
  /** Every message seen (for "mail went to … instead"). */
  all(): Promise<ObservedMail[]>;
  describe: string;
}

import { domainToUnicode } from 'node:url';

/** The same mailbox whether its domain is written as an A-label or in Unicode, with any IDNA dot; the local part exact. */
export function canonicalAddress(a: string): string {
  const at = a.lastIndexOf('@');
  if (at < 0) return a.normalize('NFC');
  const domain = a.slice(at + 1).normalize('NFC').replace(/[\u3002\uff0e\uff61]/g, '.').toLowerCase();
  return `${a.slice(0, at).normalize('NFC')}@${domainToUnicode(domain) || domain}`;
}

export const sameMailbox = (a: string, b: string) => canonicalAddress(a) === canonicalAddress(b);

/** One message's identity across reads of a mailbox (neither the sink nor the catcher APIs give an id that both keep). */
export const mailIdentity = (m: ObservedMail) => `${m.receivedAt}\u0000${m.from}\u0000${m.subject}\u0000${m.text}`;

/** Waits until a message to `address` satisfies `accept` (newer than `since`), or null at the timeout. */
export async function waitForMessage(reader: MailReader, address: string, opts: { timeoutMs: number; since?: number; accept?: (m: ObservedMail) => boolean; pollMs?: number }): Promise<ObservedMail | null> {
  const end = Date.now() + opts.timeoutMs;
  for (;;) {
    const found = (await reader.messagesTo(address))
      .filter((m) => opts.since === undefined || Date.parse(m.receivedAt) >= opts.since)
      .filter((m) => !opts.accept || opts.accept(m));
    if (found.length) return found.at(-1)!;
    if (Date.now() >= end) return null;
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 200));
  }
}
