// Signed QR codes (e-tickets now; coupons with the staff mode): `WF1~<kind>~<key id>~<field>...~<signature>`, the
// signature (Ed25519, base64url) over everything before its separator. Plain text rather than JSON keeps the QR
// code small enough for a phone screen at a gate; fields never contain the separator. Pure: the server signs and
// verifies; the staff mode's gate will parse and verify it offline with the public key (this module then moves to
// miniprogram/domain).

export type CodeKind = 'T' | 'C';

export interface SignedCode {
  kind: CodeKind;
  keyId: string;
  fields: string[];
  /** The signed text: everything before the signature. */
  message: string;
  /** The Ed25519 signature's bytes, base64url. */
  signature: string;
}

const VERSION = 'WF1';
const SEP = '~';
const KINDS: readonly string[] = ['T', 'C'];
const FIELD = /^[\w.:-]{1,64}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;

/** The text to sign; throws on a field the format can not carry (a programming error, not user input). */
export function signedMessage(kind: CodeKind, keyId: string, fields: readonly string[]): string {
  for (const part of [keyId, ...fields]) {
    if (!FIELD.test(part)) throw new Error(`signed code: field "${part}" can not be encoded`);
  }
  return [VERSION, kind, keyId, ...fields].join(SEP);
}

export function withSignature(message: string, signature: string): string {
  return `${message}${SEP}${signature}`;
}

/** The code's parts, or undefined when the text is not a signed code of this format. */
export function parseSignedCode(text: string): SignedCode | undefined {
  const cut = text.lastIndexOf(SEP);
  if (cut < 0) return undefined;
  const message = text.slice(0, cut);
  const signature = text.slice(cut + 1);
  const [version, kind, keyId, ...fields] = message.split(SEP);
  if (version !== VERSION || kind === undefined || !KINDS.includes(kind)) return undefined;
  if (keyId === undefined || !FIELD.test(keyId) || fields.length === 0) return undefined;
  if (!fields.every((f) => FIELD.test(f)) || !SIGNATURE.test(signature)) return undefined;
  return { kind: kind as CodeKind, keyId, fields, message, signature };
}
