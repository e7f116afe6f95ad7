// Quotes as rows: what a trip was priced at, for 30 minutes.
import type { components } from '../../typings/api';
import type { Tx } from '../db/database';
import type { Money } from '../orders/records';

export interface QuoteRecord {
  id: string;
  userId: string;
  planId: string;
  startDate: string;
  endDate: string;
  tripDays: number;
  premium: Money;
  perTraveller: components['schemas']['TravellerPremium'][];
  expiresAt: number;
}

interface QuoteRow {
  id: string;
  user_id: string;
  plan_id: string;
  start_date: string;
  end_date: string;
  trip_days: number;
  premium: number;
  currency: string;
  per_traveller: QuoteRecord['perTraveller'];
  expires_at: Date;
}

export async function insertQuote(tx: Tx, q: QuoteRecord): Promise<void> {
  await tx.query(
    `INSERT INTO quotes (id, user_id, plan_id, start_date, end_date, trip_days, premium, currency, per_traveller,
       expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      q.id,
      q.userId,
      q.planId,
      q.startDate,
      q.endDate,
      q.tripDays,
      q.premium.amount,
      q.premium.currency,
      JSON.stringify(q.perTraveller),
      new Date(q.expiresAt),
    ],
  );
}

export async function findQuote(tx: Tx, id: string, lock = false): Promise<QuoteRecord | undefined> {
  const [r] = await tx.query<QuoteRow & Record<string, unknown>>(
    `SELECT * FROM quotes WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return (
    r && {
      id: r.id,
      userId: r.user_id,
      planId: r.plan_id,
      startDate: r.start_date,
      endDate: r.end_date,
      tripDays: r.trip_days,
      premium: { amount: r.premium, currency: r.currency },
      perTraveller: r.per_traveller,
      expiresAt: r.expires_at.getTime(),
    }
  );
}
