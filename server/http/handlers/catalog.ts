// Public catalog reads: destination, POIs, events, ticket products and their calendar, offers, insurance plans.
import * as catalog from '../../catalog/catalog';
import { ok } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  getDestination: async (_req, deps) => ok(await catalog.destination(deps)),
  listPois: async (req, deps) =>
    ok(await catalog.listPois(deps, { ...req.query, limit: req.query.limit ?? 20 })),
  getPoi: async (req, deps) => ok(await catalog.getPoi(deps, req.params.id)),
  listEvents: async (_req, deps) => ok(await catalog.listEvents(deps)),
  listProducts: async (req, deps) => ok(await catalog.listProducts(deps, req.query.poiId)),
  getProduct: async (req, deps) => ok(await catalog.getProduct(deps, req.params.id)),
  getProductCalendar: async (req, deps) =>
    ok(await catalog.productCalendar(deps, req.params.id, req.query.from, req.query.to)),
  listOffers: async (req, deps) => ok(await catalog.listOffers(deps, req.query.category)),
  getOffer: async (req, deps) => ok(await catalog.getOffer(deps, req.params.id)),
  listInsurancePlans: async (_req, deps) => ok(await catalog.listInsurancePlans(deps)),
} satisfies Handlers;
