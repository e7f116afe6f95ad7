// Personal data as it may appear on screen: enough to recognise, never enough to reuse. Pure, no wx.
const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/**
 * A document number with its middle hidden, in the API's `documentNumberMasked` shape (at most 6 leading and 4
 * trailing characters): an ID card number (15+ characters) keeps its region code (6) and last 4, so the embedded
 * birth date stays hidden; passports and permits keep their first half, at most 6 (E12345678 -> E1234****).
 */
export function maskDocumentNumber(value: string): string {
  if (value === '') return '';
  const long = value.length >= 15;
  const head = long ? 6 : Math.max(0, Math.min(6, Math.ceil(value.length / 2), value.length - 1));
  const tail = long ? 4 : 0;
  return `${value.slice(0, head)}${stars(value.length - head - tail)}${value.slice(value.length - tail)}`;
}

/** +8613800138000 -> "+86 138****8000"; other E.164 numbers keep their first 4 and last 3 characters. */
export function maskMobile(e164: string): string {
  const cn = /^\+86(1\d{2})\d{4}(\d{4})$/.exec(e164);
  if (cn) return `+86 ${cn[1]}****${cn[2]}`;
  if (e164.length <= 7) return stars(e164.length);
  return `${e164.slice(0, 4)}${stars(e164.length - 7)}${e164.slice(-3)}`;
}

/** li.lei@example.com -> "l***@example.com" (the domain stays: it tells which mailbox to check). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return stars(email.length);
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** 1985-03-02 -> "1985-**-**": the year is enough to tell travellers apart. */
export function maskBirthDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(0, 4)}-**-**` : '';
}
