// Gate staff let tickets in: a scanned code is judged (signature, the staff's attraction, the visit days, the
// ticket's state) and, on confirm, the ticket turns used once, under its row lock: two gates scanning the same
// ticket at once make one check-in and the other is told when it was used. A refund takes the same lock, so a
// ticket is never both used and refunded.
import { addDays, instantOf } from '../../miniprogram/domain/time';
import type { components } from '../../typings/api';
import { ApiError } from '../core/errors';
import { once } from '../core/idempotency';
import type { Work } from '../work';
import { audit } from './audit';
import { requireStaff, type Staff } from './staff';

type Schemas = components['schemas'];
type Verdict = Schemas['ScanResult']['verdict'];

interface TicketRow {
  id: string;
  code: string;
  product_id: string;
  title: Schemas['LocalizedText'];
  holder_type: Schemas['TicketKind'];
  visit_date: string;
  valid_until: string;
  status: Schemas['TicketStatus'];
  used_at: Date | null;
}

const COLUMNS = 'id, code, product_id, title, holder_type, visit_date, valid_until, status, used_at';

interface Judged {
  verdict: Verdict;
  row?: TicketRow;
}

function staffView(row: TicketRow): Schemas['StaffTicket'] {
  return {
    code: row.code,
    title: row.title,
    holderType: row.holder_type,
    visitDate: row.visit_date,
    validUntil: row.valid_until,
    ...(row.used_at && { usedAt: row.used_at.toISOString() }),
  };
}

async function judge(w: Work, staff: Staff, payload: string, lock: boolean): Promise<Judged> {
  const checked = await w.deps.codes.verify(w.tx, payload.trim());
  if (!checked.ok) return { verdict: checked.reason === 'malformed' ? 'CODE_UNREADABLE' : 'CODE_FORGED' };
  if (checked.code.kind !== 'T') return { verdict: 'CODE_UNREADABLE' };
  const [row] = await w.tx.query<TicketRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM tickets WHERE code = $1 ${lock ? 'FOR UPDATE' : ''}`,
    [checked.code.fields[0]],
  );
  if (!row) return { verdict: 'CODE_FORGED' };
  const product = w.seed.products.find((p) => p.id === row.product_id);
  if (product?.poiId !== staff.scopeId) return { verdict: 'WRONG_PLACE', row };
  if (row.status === 'used') return { verdict: 'TICKET_USED', row };
  if (row.status === 'refunded') return { verdict: 'TICKET_REFUNDED', row };
  if (w.today < row.visit_date) return { verdict: 'NOT_TODAY', row };
  if (row.status === 'expired' || w.today > row.valid_until) return { verdict: 'TICKET_EXPIRED', row };
  return { verdict: 'VALID', row };
}

export async function scan(w: Work, userId: string, payload: string): Promise<Schemas['ScanResult']> {
  const staff = await requireStaff(w, userId, 'gate');
  const { verdict, row } = await judge(w, staff, payload, false);
  return { verdict, ...(row && { ticket: staffView(row) }) };
}

export async function checkIn(
  w: Work,
  userId: string,
  payload: string,
  key: string,
): Promise<Schemas['CheckIn']> {
  const staff = await requireStaff(w, userId, 'gate');
  const result = await once(
    w.tx,
    { userId, operation: 'checkInTicket', key, body: { payload }, now: w.now },
    async () => {
      const { verdict, row } = await judge(w, staff, payload, true);
      if (verdict !== 'VALID' || !row) {
        throw new ApiError(409, verdict, `The ticket can not be let in: ${verdict}.`, {
          ...(row && { ticket: staffView(row) }),
          ...(row?.used_at && { usedAt: row.used_at.toISOString() }),
          ...(verdict === 'NOT_TODAY' && row && { visitDate: row.visit_date }),
        });
      }
      await w.tx.query(`UPDATE tickets SET status = 'used', used_at = $2, used_by = $3 WHERE id = $1`, [
        row.id,
        new Date(w.now),
        userId,
      ]);
      await audit(w.tx, {
        at: w.now,
        actor: userId,
        action: 'ticket.check-in',
        subject: row.id,
        detail: { gate: staff.scopeId },
      });
      const used = { ...row, status: 'used' as const, used_at: new Date(w.now) };
      return { resourceId: row.id, response: { ticket: staffView(used), at: new Date(w.now).toISOString() } };
    },
  );
  if (result.created) return result.response;
  // A retry of a check-in that went through: the same answer, from the ticket as it is.
  const [row] = await w.tx.query<TicketRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM tickets WHERE id = $1`,
    [result.resourceId],
  );
  return { ticket: staffView(row!), at: row!.used_at!.toISOString() };
}

export async function todaysCheckIns(w: Work, userId: string): Promise<Schemas['CheckInList']> {
  const staff = await requireStaff(w, userId, 'gate');
  const products = w.seed.products.filter((p) => p.poiId === staff.scopeId).map((p) => p.id);
  const { timeZone } = w.seed.destination;
  const rows = await w.tx.query<TicketRow & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM tickets
     WHERE status = 'used' AND product_id = ANY($1) AND used_at >= $2 AND used_at < $3 ORDER BY used_at DESC`,
    [
      products,
      new Date(instantOf(w.today, '00:00', timeZone)),
      new Date(instantOf(addDays(w.today, 1), '00:00', timeZone)),
    ],
  );
  const items = rows.map((row) => ({ ticket: staffView(row), at: row.used_at!.toISOString() }));
  return { date: w.today, total: items.length, items };
}
