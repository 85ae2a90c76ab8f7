import type { MailReader, ObservedMail } from './types.ts';
import { sameMailbox } from './types.ts';

type Fetch = typeof fetch;

/**
 * Reads an existing mail catcher's HTTP API: Mailpit (`/api/v1/messages`, `/api/v1/message/{ID}`)
 * or, when that is not there, MailHog (`/api/v2/messages`). Only the catcher the target already
 * sends to; the harness never sends mail itself.
 */
export function mailApiReader(base: string, fetchImpl: Fetch = fetch): MailReader {
  const root = base.replace(/\/$/, '');
  let kind: 'mailpit' | 'mailhog' | undefined;
  const json = async (path: string) => {
    const r = await fetchImpl(`${root}${path}`, { headers: { accept: 'application/json' } });
    if (!r.ok) throw new Error(`${root}${path} answered ${r.status}`);
    return r.json() as Promise<any>;
  };
  async function all(): Promise<ObservedMail[]> {
    if (kind !== 'mailhog') {
      try {
        const list = await json('/api/v1/messages?limit=200');
        kind = 'mailpit';
        const out: ObservedMail[] = [];
        for (const m of list.messages ?? []) {
          const full = await json(`/api/v1/message/${encodeURIComponent(m.ID)}`);
          for (const to of (full.To ?? m.To ?? []) as Array<{ Address: string }>) {
            out.push({ to: to.Address, from: full.From?.Address ?? '', subject: full.Subject ?? '', text: full.Text ?? '', html: full.HTML ?? '', receivedAt: full.Date ?? m.Created ?? new Date().toISOString() });
          }
        }
        return out;
      } catch (error) {
        if (kind === 'mailpit') throw error;
      }
    }
    const list = await json('/api/v2/messages?limit=200');
    kind = 'mailhog';
    const out: ObservedMail[] = [];
    for (const m of list.items ?? []) {
      const h = m.Content?.Headers ?? {};
      for (const to of (m.To ?? []) as Array<{ Mailbox: string; Domain: string }>) {
        out.push({ to: `${to.Mailbox}@${to.Domain}`, from: m.From ? `${m.From.Mailbox}@${m.From.Domain}` : '', subject: (h.Subject ?? [''])[0], text: m.Content?.Body ?? '', html: '', contentLanguage: (h['Content-Language'] ?? [])[0], receivedAt: m.Created ?? new Date().toISOString() });
      }
    }
    return out;
  }
  return {
    describe: `the mail API at ${root}`,
    all,
    async messagesTo(address) { return (await all()).filter((m) => sameMailbox(m.to, address)); },
  };
}
