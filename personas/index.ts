import type { Persona } from '../harness/journey/types.ts';
import { screenReader } from './screen-reader.ts';
import { keyboard } from './keyboard.ts';
import { lowVision } from './low-vision.ts';
import { timeLimits } from './time-limits.ts';
import { lowEndNetwork } from './low-end-network.ts';
import { noUsAddress } from './no-us-address.ts';
import { haitianCreole } from './haitian-creole.ts';
import { universalEmail } from './universal-email.ts';
import { darkerSkinSelfie } from './darker-skin-selfie.ts';
import { rtlReader } from './rtl-reader.ts';
import { multiAccount } from './multi-account.ts';
import { spanishSpeaker } from './spanish-speaker.ts';
import { portugueseSpeaker } from './portuguese-speaker.ts';

export const PERSONAS: Persona[] = [
  screenReader, keyboard, lowVision, timeLimits, lowEndNetwork, noUsAddress,
  haitianCreole, universalEmail, darkerSkinSelfie, rtlReader, multiAccount,
  spanishSpeaker, portugueseSpeaker,
];

export function personaById(id: string): Persona {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`unknown persona "${id}"; choose from ${PERSONAS.map((x) => x.id).join(', ')}`);
  return p;
}
