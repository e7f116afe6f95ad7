// Ticket products and their per-day calendar (public reads; no session needed).
import type { components } from '../../typings/api';
import { request } from '../services/http';
import type { Result } from '../services/result';
import {
  array,
  bool,
  int,
  listOf,
  literal,
  localDate,
  localizedText,
  money,
  object,
  optional,
  str,
} from './decode';

export type Product = components['schemas']['Product'];
export type TicketType = components['schemas']['TicketType'];
export type Calendar = components['schemas']['Calendar'];
export type CalendarDay = components['schemas']['CalendarDay'];

const decodeTicketType = object({
  id: str,
  kind: literal('adult', 'child', 'senior', 'family'),
  name: localizedText,
  minAge: optional(int),
  maxAge: optional(int),
  idRequired: bool,
  minQty: int,
  maxQty: int,
  persons: optional(int),
});

export const decodeProduct = object({
  id: str,
  poiId: optional(str),
  category: literal('attraction', 'museum', 'tour', 'transport', 'experience'),
  title: localizedText,
  description: localizedText,
  images: array(str),
  ticketTypes: array(decodeTicketType),
  validity: localizedText,
  refundPolicy: localizedText,
  refundable: bool,
  fromPrice: money,
  saleState: literal('available', 'few_left', 'sold_out'),
});

export const decodeCalendar = object({
  productId: str,
  timeZone: str,
  currency: str,
  days: array(
    object({
      date: localDate,
      soldOut: bool,
      remaining: int,
      prices: array(object({ ticketTypeId: str, price: money })),
    }),
  ),
});

export function listProducts(poiId?: string): Promise<Result<Product[]>> {
  return request({
    path: '/v1/products',
    query: { poiId },
    auth: 'none',
    decode: listOf(decodeProduct),
  });
}

export function getProduct(id: string): Promise<Result<Product>> {
  return request({ path: `/v1/products/${encodeURIComponent(id)}`, auth: 'none', decode: decodeProduct });
}

/** Days from..to inclusive (destination dates); days not on sale are absent. */
export function getCalendar(id: string, from: string, to: string): Promise<Result<Calendar>> {
  return request({
    path: `/v1/products/${encodeURIComponent(id)}/calendar`,
    query: { from, to },
    auth: 'none',
    decode: decodeCalendar,
  });
}
