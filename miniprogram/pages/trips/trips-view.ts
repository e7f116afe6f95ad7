// The wallet as shown: e-tickets grouped by visit date (destination dates), upcoming first, each valid upcoming
// ticket with its QR code. Pure; "today" is the destination's.
import type { WalletTicket } from '../../services/wallet';
import { addDays, isoWeekday, type LocalDate } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';

export interface TicketCard {
  id: string;
  title: string;
  holder: string;
  code: string;
  payload: string;
  validity: string;
  status: WalletTicket['status'];
  statusLabel: string;
  showQr: boolean;
}

export interface TripGroup {
  date: LocalDate;
  label: string;
  past: boolean;
  tickets: TicketCard[];
}

function dayLabel(date: LocalDate, today: LocalDate | undefined): string {
  const weekday = t(`common.wd${isoWeekday(date)}` as MessageKey);
  const relative =
    today === date ? t('tickets.today') : today && addDays(today, 1) === date ? t('tickets.tomorrow') : '';
  return [date, weekday, relative].filter(Boolean).join(' ');
}

function card(ticket: WalletTicket, past: boolean): TicketCard {
  return {
    id: ticket.id,
    title: ticket.title[currentLang()],
    holder: t(`tickets.holder_${ticket.holderType}` as MessageKey),
    code: ticket.code,
    payload: ticket.qrPayload,
    validity:
      ticket.validUntil === ticket.visitDate
        ? t('tickets.validOn', { date: ticket.visitDate })
        : t('tickets.validUntil', { date: ticket.validUntil }),
    status: ticket.status,
    statusLabel: t(`tickets.status_${ticket.status}` as MessageKey),
    showQr: ticket.status === 'valid' && !past,
  };
}

/** Without a known zone (never synced), nothing counts as past: better to show a QR than to hide one. */
export function tripGroups(tickets: readonly WalletTicket[], today: LocalDate | undefined): TripGroup[] {
  const byDate = new Map<LocalDate, WalletTicket[]>();
  for (const ticket of tickets)
    byDate.set(ticket.visitDate, [...(byDate.get(ticket.visitDate) ?? []), ticket]);
  const groups = [...byDate.entries()].map(([date, list]) => {
    const past = today !== undefined && list.every((x) => x.validUntil < today);
    return { date, label: dayLabel(date, today), past, tickets: list.map((x) => card(x, past)) };
  });
  const upcoming = groups.filter((g) => !g.past).sort((a, b) => a.date.localeCompare(b.date));
  const past = groups.filter((g) => g.past).sort((a, b) => b.date.localeCompare(a.date));
  return [...upcoming, ...past];
}
