// Who a wx.login code belongs to at the simulator. The tests' fake wx.login (and the soak's) hands out
// `user-<person>-<n>`: the same person is the same openid on every login, as WeChat gives one openid per person and
// app. Any other code (e.g. one from DevTools) is a new person.
import { createHash, randomBytes } from 'crypto';

const PERSON_CODE = /^user-(.+)-[^-]+$/;

/** The openid the simulator gives `person` in the app `appid`. */
export const openidOf = (appid: string, person: string): string =>
  `o${createHash('sha256').update(`${appid}:${person}`).digest('base64url').slice(0, 27)}`;

export function personOfCode(code: string): string {
  return PERSON_CODE.exec(code)?.[1] ?? randomBytes(12).toString('hex');
}
