// upload_shipping_info for a fulfilled order: the platform holds the funds of a mini-program payment until the
// merchant says the goods were delivered. E-tickets and policies are virtual goods (logistics_type 3), delivered
// the moment the order is fulfilled.
import type { Deps } from '../context';
import { WeChatApiError } from '../wechat/api-client';
import { rfc3339 } from '../wechat/rfc3339';

/** errcodes after which there is nothing to upload: the payment is unknown to the shipping service, or refunded. */
const NOTHING_TO_SHIP = new Set([10060001, 10060004]);

// A type, not an interface: rows must be indexable.
type Shippable = {
  openid: string;
  kind: 'tickets' | 'insurance';
  uploaded: boolean;
};

/** Tells the platform an order was delivered; once. Without WeChat's server APIs configured there is no one to tell. */
export async function uploadShipping(deps: Deps, orderId: string): Promise<'uploaded' | 'skipped'> {
  if (!deps.wechat || !deps.pay) return 'skipped';
  const [order] = await deps.db.query<Shippable>(
    `SELECT u.openid, o.kind, p.shipping_uploaded_at IS NOT NULL AS uploaded
     FROM orders o JOIN users u ON u.id = o.user_id JOIN payments p ON p.order_id = o.id
     WHERE o.id = $1 AND o.status = 'FULFILLED'`,
    [orderId],
  );
  if (!order || order.uploaded) return 'skipped';
  try {
    await deps.wechat.post('/wxa/sec/order/upload_shipping_info', {
      order_key: { order_number_type: 1, mchid: deps.pay.config.mchid, out_trade_no: orderId },
      logistics_type: 3,
      delivery_mode: 1,
      shipping_list: [{ item_desc: order.kind === 'tickets' ? '电子门票' : '旅行保险电子保单' }],
      upload_time: rfc3339(deps.now()),
      payer: { openid: order.openid },
    });
  } catch (error) {
    if (!(
      error instanceof WeChatApiError &&
      error.errcode !== undefined &&
      NOTHING_TO_SHIP.has(error.errcode)
    )) {
      throw error;
    }
  }
  await deps.db.query('UPDATE payments SET shipping_uploaded_at = $2 WHERE order_id = $1', [
    orderId,
    new Date(deps.now()),
  ]);
  return 'uploaded';
}
