// Development's reset: every order, ticket, coupon, quote, policy, session and key goes; content and schema stay.
import type { Database } from './database';

const BUSINESS_TABLES = [
  'reminders',
  'payments',
  'payment_notifications',
  'refunds',
  'tickets',
  'policies',
  'coupons',
  'order_history',
  'orders',
  'quotes',
  'user_offer_claims',
  'offer_claims',
  'stock',
  'idempotency_keys',
];

export async function resetData(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`TRUNCATE ${BUSINESS_TABLES.join(', ')}`);
    // The daily expiry run stays scheduled; everything else belonged to the data just dropped.
    await tx.query(`DELETE FROM jobs WHERE kind <> 'expire.day'`);
  });
}
