import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type EmailCategory = 'ascii-new-gtld' | 'long-tld' | 'a-label' | 'idn' | 'unicode-local-part' | 'country-code-sld';
export interface UaAddress { address: string; kind: string; category: EmailCategory }
export interface NegativeAddress { address: string; kind: string; category: 'negative-control' }

const file = fileURLToPath(new URL('./ua-addresses.yaml', import.meta.url));
const data = parse(readFileSync(file, 'utf8')) as { valid: UaAddress[]; negative: NegativeAddress[] };

/** The Universal Acceptance address set, as data (harness/data/ua-addresses.yaml). */
export const UA_ADDRESSES: UaAddress[] = data.valid;
/** Malformed addresses: rejecting them is correct. */
export const UA_NEGATIVE_CONTROLS: NegativeAddress[] = data.negative;
export const EMAIL_CATEGORIES: EmailCategory[] = [...new Set(UA_ADDRESSES.map((a) => a.category))];
