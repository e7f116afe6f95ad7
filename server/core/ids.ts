// Identifiers and codes. Random rather than sequential so one user cannot guess another's ids; the alphabet of
// codes people read aloud or type leaves out 0/O and 1/I/L.
import { randomBytes } from 'crypto';

const READABLE = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** `length` characters of the readable alphabet (rejection sampling keeps them uniform). */
export function readableCode(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 256 - (256 % READABLE.length) && out.length < length)
        out += READABLE[byte % READABLE.length];
    }
  }
  return out;
}
