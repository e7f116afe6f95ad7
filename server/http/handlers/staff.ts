// Merchant and gate staff in WeChat: binding with an invitation, scanning and letting tickets in.
import { checkIn, scan, todaysCheckIns } from '../../staff/check-ins';
import { bind, profile, requireStaff } from '../../staff/staff';
import { inTransaction } from '../../work';
import { idempotencyKey, ok, userOf } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  bindStaff: async (req, deps) => ok(await inTransaction(deps, (w) => bind(w, userOf(req), req.body.code))),
  getStaffProfile: async (req, deps) =>
    ok(await inTransaction(deps, async (w) => profile(w, await requireStaff(w, userOf(req))))),
  scanCode: async (req, deps) => ok(await inTransaction(deps, (w) => scan(w, userOf(req), req.body.payload))),
  checkInTicket: async (req, deps) =>
    ok(await inTransaction(deps, (w) => checkIn(w, userOf(req), req.body.payload, idempotencyKey(req)))),
  listCheckIns: async (req, deps) => ok(await inTransaction(deps, (w) => todaysCheckIns(w, userOf(req)))),
} satisfies Handlers;
