// Insurance quotes, policy purchase (an order to pay) and the user's policies. Plans are read in catalog.ts.
import * as insurance from '../../insurance/insurance';
import { policyPdf } from '../../policies/document';
import { idempotencyKey, ok, userOf } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  createInsuranceQuote: async (req, deps) => ({
    status: 201,
    body: await insurance.createQuote(deps, userOf(req), req.body),
  }),
  createInsurancePolicy: async (req, deps) => {
    const { order, created } = await insurance.createPolicyOrder(
      deps,
      userOf(req),
      idempotencyKey(req),
      req.body,
    );
    return { status: created ? 201 : 200, body: order };
  },
  listPolicies: async (req, deps) =>
    ok({ items: await insurance.listPolicies(deps, userOf(req), req.origin) }),
  getPolicy: async (req, deps) => ok(await insurance.getPolicy(deps, userOf(req), req.params.id, req.origin)),
  cancelPolicy: async (req, deps) =>
    ok(await insurance.cancelPolicy(deps, userOf(req), req.params.id, req.origin)),
  getPolicyDocument: async (req, deps) => {
    const policy = await insurance.getPolicy(deps, userOf(req), req.params.id, req.origin);
    return {
      status: 200,
      body: await policyPdf(policy),
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${policy.policyNumber}.pdf"`,
      },
    };
  },
} satisfies Handlers;
