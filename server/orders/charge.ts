// What WeChat Pay charges for an order. Global (an overseas merchant) charges the destination's currency; a
// domestic merchant charges CNY: the order's CNY amount, fixed when the order was placed at the destination's
// configured rate (the figure the tourist saw beside the price).
import type { PayRegion } from '../wechat/pay-config';
import type { Money, OrderRecord } from './records';

export function chargeOf(order: OrderRecord, region: PayRegion | undefined): Money {
  return region === 'domestic' ? order.totalCny : order.total;
}
