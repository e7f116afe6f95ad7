// Insurance quotes, policy purchase (an order to pay) and the user's policies. Plans are read in catalog.ts.
import type { components } from '../../typings/api';
import { insurance, lifecycle, orders, policies } from '../state';
import { policyPdf } from '../state/policy-document';
import { idempotencyKey, originOf, userOf } from '../state/request';
import type { Handler } from '../types';

type Schemas = components['schemas'];

const createInsuranceQuote: Handler = (req, ctx) => ({
  status: 201,
  body: insurance.quoteView(
    insurance.createQuote(ctx.state.world, userOf(req), req.body as Schemas['QuoteRequest']),
  ),
});

const createInsurancePolicy: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const userId = userOf(req);
  const body = req.body as Schemas['PolicyRequest'];
  const { resourceId, created } = insurance.createPolicyOrder(world, userId, idempotencyKey(req), body);
  return {
    status: created ? 201 : 200,
    body: orders.orderView(lifecycle.userOrder(world, userId, resourceId)),
  };
};

const listPolicies: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const items = insurance
    .listPolicies(world, userOf(req))
    .map((p) => policies.policyView(world, p, originOf(req)));
  return { status: 200, body: { items } satisfies Schemas['PolicyList'] };
};

const getPolicy: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const policy = policies.userPolicy(world, userOf(req), req.params.id ?? '');
  return { status: 200, body: policies.policyView(world, policy, originOf(req)) };
};

const cancelPolicy: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const policy = insurance.cancelPolicy(world, userOf(req), req.params.id ?? '');
  return { status: 200, body: policies.policyView(world, policy, originOf(req)) };
};

const getPolicyDocument: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const policy = policies.userPolicy(world, userOf(req), req.params.id ?? '');
  return {
    status: 200,
    body: policyPdf(policies.policyView(world, policy, originOf(req))),
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${policy.policyNumber}.pdf"`,
    },
  };
};

export const handlers: Record<string, Handler> = {
  createInsuranceQuote,
  createInsurancePolicy,
  listPolicies,
  getPolicy,
  cancelPolicy,
  getPolicyDocument,
};
