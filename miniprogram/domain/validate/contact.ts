// Contact details: mobile numbers normalized to E.164 and a practical subset of RFC 5322 e-mail addresses.
import { validateContactName } from './names';
import { ErrorList, fail, ok, type FieldResult, type ObjectResult } from './result';
import { readCleanText, readCompactText } from './text';

/** Mainland China mobile numbers: 11 digits, 1 then 3-9. */
const CN_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Accepts what people type: digits in groups separated by single spaces or hyphens, optionally after a leading
 * '+' (`+86 138-0013-8000`, `+64 21 123 4567`). Without '+', only an 11-digit mainland mobile is accepted
 * (+86 is assumed). Returns E.164 (`+8613800138000`).
 * Codes: 'mobile.format' (other characters or grouping, 7-15 digits not met, country code starting with 0, a
 * number without '+' that is not mainland), 'mobile.cn' (a +86 or 11-digit number that is not 1[3-9] + 9 digits).
 */
export function validateMobile(value: unknown): FieldResult<string> {
  const text = readCleanText(value);
  if (!text.ok) return text;
  const m = /^(\+?)(\d+(?:[ -]\d+)*)$/.exec(text.value);
  if (!m) return fail('mobile.format');
  const digits = (m[2] ?? '').replace(/[ -]/g, '');
  if (m[1] === '') {
    if (digits.length !== 11 || !digits.startsWith('1')) return fail('mobile.format');
    return CN_MOBILE.test(digits) ? ok(`+86${digits}`) : fail('mobile.cn');
  }
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) return fail('mobile.format');
  if (digits.startsWith('86') && !CN_MOBILE.test(digits.slice(2))) return fail('mobile.cn');
  return ok(`+${digits}`);
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`);
// Dot-separated LDH labels of 1-63 characters; the last one alphabetic (2+ letters) or an IDNA `xn--` label.
const DOMAIN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

/**
 * E-mail: at most 254 characters ('too_long'); no spaces ('whitespace'); exactly one '@' with a dot-atom local
 * part of at most 64 characters and a domain with at least one dot, ASCII only ('email.format'). Case is kept.
 */
export function validateEmail(value: unknown): FieldResult<string> {
  const text = readCompactText(value);
  if (!text.ok) return text;
  if (text.value.length > 254) return fail('too_long');
  const parts = text.value.split('@');
  const [local = '', domain = ''] = parts;
  if (parts.length !== 2 || local.length > 64 || !LOCAL_PART.test(local) || !DOMAIN.test(domain)) {
    return fail('email.format');
  }
  return text;
}

export interface Contact {
  mobile: string;
  email: string;
}

export interface TicketContact extends Contact {
  name: string;
}

function collectContact(list: ErrorList, input: { mobile?: unknown; email?: unknown }) {
  return {
    mobile: list.take('mobile', validateMobile(input.mobile)),
    email: list.take('email', validateEmail(input.email)),
  };
}

/** Policyholder contact (insurance): fields `mobile`, `email`. */
export function validateContact(input: { mobile?: unknown; email?: unknown }): ObjectResult<Contact> {
  const list = new ErrorList();
  const { mobile, email } = collectContact(list, input);
  if (mobile === undefined || email === undefined) return { ok: false, errors: list.errors };
  return ok({ mobile, email });
}

/** Order contact (tickets): fields `name`, `mobile`, `email`. */
export function validateTicketContact(input: {
  name?: unknown;
  mobile?: unknown;
  email?: unknown;
}): ObjectResult<TicketContact> {
  const list = new ErrorList();
  const name = list.take('name', validateContactName(input.name));
  const { mobile, email } = collectContact(list, input);
  if (name === undefined || mobile === undefined || email === undefined)
    return { ok: false, errors: list.errors };
  return ok({ name, mobile, email });
}
