// What the order pages show; pure (no wx), unit tested.
import type { Order, OrderStatus } from '../../api/orders';
import type { Money } from '../../domain/money';
import { localDateAt, localTimeAt } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';

export const ORDER_PAGES = {
  result: '/packages/orders/pages/result/index',
  list: '/packages/orders/pages/list/index',
  detail: '/packages/orders/pages/detail/index',
  refund: '/packages/orders/pages/refund/index',
  trips: '/pages/trips/index',
};

export const statusLabel = (status: OrderStatus): string => t(`orders.status_${status}` as MessageKey);

export type Tab = 'all' | 'unpaid' | 'paid' | 'refunds';
export const TABS: Tab[] = ['all', 'unpaid', 'paid', 'refunds'];

const TAB_STATUSES: Record<Exclude<Tab, 'all'>, OrderStatus[]> = {
  unpaid: ['PENDING_PAYMENT'],
  paid: ['PAID', 'FULFILLED'],
  refunds: ['REFUNDING', 'REFUNDED'],
};

export function inTab(order: Order, tab: Tab): boolean {
  return tab === 'all' || TAB_STATUSES[tab].includes(order.status);
}

export interface OrderCard {
  id: string;
  title: string;
  date: string;
  count: number;
  status: OrderStatus;
  statusLabel: string;
  total: Money;
}

export function orderCard(order: Order): OrderCard {
  const lang = currentLang();
  const first = order.items[0];
  const more = order.items.length > 1 ? ` +${order.items.length - 1}` : '';
  return {
    id: order.id,
    title: `${first ? first.title[lang] : ''}${more}`,
    date: first?.date ?? '',
    count: order.items.reduce((n, i) => n + i.quantity, 0),
    status: order.status,
    statusLabel: statusLabel(order.status),
    total: order.total,
  };
}

/** An instant shown as the destination's local date and time. */
export function localTime(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  return t('orders.times', { date: localDateAt(ms, zone), time: localTimeAt(ms, zone) });
}

/** "14 min 05 s" until the deadline (zero once passed). */
export function countdown(deadlineMs: number, nowMs: number): string {
  const left = Math.max(0, Math.ceil((deadlineMs - nowMs) / 1000));
  return t('orders.minutes', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') });
}

export interface OrderDetail {
  id: string;
  status: OrderStatus;
  statusLabel: string;
  items: Array<{ key: string; title: string; date: string; quantity: number; subtotal: Money }>;
  subtotal: Money;
  discount: Money | null;
  total: Money;
  totalCny: Money;
  contact: { name: string; mobile: string; email: string };
  history: Array<{ key: string; label: string; at: string }>;
  payable: boolean;
  refundable: boolean;
  hasTickets: boolean;
}

/** Mobile numbers are shown masked (the order page may be on screen in public). */
export function maskMobile(mobile: string): string {
  return mobile.length > 7 ? `${mobile.slice(0, mobile.length - 8)}****${mobile.slice(-4)}` : mobile;
}

export function orderDetail(order: Order, zone: string, nowMs: number): OrderDetail {
  const lang = currentLang();
  const paid = order.status === 'PAID' || order.status === 'FULFILLED';
  return {
    id: order.id,
    status: order.status,
    statusLabel: statusLabel(order.status),
    items: order.items.map((item, i) => ({
      key: `${i}`,
      title: item.title[lang],
      date: item.date,
      quantity: item.quantity,
      subtotal: item.subtotal,
    })),
    subtotal: order.subtotal,
    discount: order.discount.amount > 0 ? order.discount : null,
    total: order.total,
    totalCny: order.totalCny,
    contact: { ...order.contact, mobile: maskMobile(order.contact.mobile) },
    history: order.history.map((h, i) => ({
      key: `${i}`,
      label: statusLabel(h.status),
      at: localTime(h.at, zone),
    })),
    payable: order.status === 'PENDING_PAYMENT' && Date.parse(order.expiresAt) > nowMs,
    refundable: paid,
    hasTickets: order.kind === 'tickets' && order.status === 'FULFILLED',
  };
}

/** After the payment service's own checks (about 12 s), the result page keeps asking at this pace while open. */
export const CONFIRM_POLLING = { intervalMs: 5000, rounds: 24 };

/** The pay result page's state: the server's status decides; the payment outcome only explains a pending order. */
export type ResultState = 'paid' | 'confirming' | 'cancelled' | 'failed' | 'expired' | 'closed' | 'refund';
export type Outcome = 'paid' | 'cancelled' | 'failed' | 'confirming';

export function resultState(
  order: Pick<Order, 'status' | 'expiresAt'>,
  outcome: Outcome,
  nowMs: number,
): ResultState {
  switch (order.status) {
    case 'PAID':
    case 'FULFILLED':
      return 'paid';
    case 'EXPIRED':
      return 'expired';
    case 'CANCELLED':
      return 'closed';
    case 'REFUNDING':
    case 'REFUNDED':
      return 'refund';
    case 'PENDING_PAYMENT':
      if (outcome === 'confirming' || outcome === 'paid') return 'confirming';
      return Date.parse(order.expiresAt) <= nowMs ? 'expired' : outcome;
  }
}
