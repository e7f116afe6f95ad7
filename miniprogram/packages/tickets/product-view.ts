// What the ticket pages show of a product; pure (no wx), unit tested.
import { assetUrl, type Destination } from '../../api/destination';
import type { Product, TicketType } from '../../api/products';
import { convert, type Money } from '../../domain/money';
import { currentLang, t, type MessageKey } from '../../i18n/index';

export const PAGES = {
  catalog: '/packages/tickets/pages/catalog/index',
  product: '/packages/tickets/pages/product/index',
  book: '/packages/tickets/pages/book/index',
  checkout: '/packages/tickets/pages/checkout/index',
};

export type Fx = Pick<Destination['fx'], 'quote' | 'rateMicros'>;

export function estimate(m: Money, fx: Fx): Money {
  return convert(m, fx.quote, fx.rateMicros);
}

export interface ProductCard {
  id: string;
  title: string;
  image: string;
  from: Money;
  fromEstimate: Money;
  saleState: Product['saleState'];
  saleLabel: string;
}

export function productCard(p: Product, fx: Fx): ProductCard {
  return {
    id: p.id,
    title: p.title[currentLang()],
    image: assetUrl(p.images[0] ?? ''),
    from: p.fromPrice,
    fromEstimate: estimate(p.fromPrice, fx),
    saleState: p.saleState,
    saleLabel: t(`tickets.${p.saleState}` as MessageKey),
  };
}

/** A ticket type's rules in one line: ages, ID at the gate, how many per order. */
export function typeRules(type: TicketType): string {
  const parts: string[] = [];
  const { minAge: min, maxAge: max } = type;
  if (min !== undefined && max !== undefined) parts.push(t('tickets.ages', { min, max }));
  else if (min !== undefined) parts.push(t('tickets.agesFrom', { min }));
  else if (max !== undefined) parts.push(t('tickets.agesUpTo', { max }));
  if (type.idRequired) parts.push(t('tickets.idRequired'));
  parts.push(
    type.minQty > 1
      ? t('tickets.perOrderRange', { min: type.minQty, max: type.maxQty })
      : t('tickets.perOrder', { max: type.maxQty }),
  );
  return parts.join(' · ');
}

export interface ProductDetail extends ProductCard {
  images: string[];
  description: string;
  validity: string;
  refundPolicy: string;
  types: Array<{ id: string; name: string; rules: string }>;
  soldOut: boolean;
}

export function productDetail(p: Product, fx: Fx): ProductDetail {
  const lang = currentLang();
  return {
    ...productCard(p, fx),
    images: p.images.map(assetUrl),
    description: p.description[lang],
    validity: p.validity[lang],
    refundPolicy: p.refundable ? p.refundPolicy[lang] : t('tickets.notRefundable'),
    types: p.ticketTypes.map((type) => ({ id: type.id, name: type.name[lang], rules: typeRules(type) })),
    soldOut: p.saleState === 'sold_out',
  };
}
