// <price value="{{money}}" estimate="{{cnyMoney}}" />: a local-currency amount with its CNY estimate beside it.
import { formatMoney, type Money } from '../../domain/money';

const isMoney = (v: unknown): v is Money =>
  typeof v === 'object' &&
  v !== null &&
  Number.isSafeInteger((v as Money).amount) &&
  typeof (v as Money).currency === 'string';

Component({
  properties: {
    value: { type: Object, value: {} },
    estimate: { type: Object, value: {} },
    /** 'normal' | 'large' */
    size: { type: String, value: 'normal' },
  },
  data: { text: '', estimateText: '' },
  observers: {
    'value, estimate'(this: WechatMiniprogram.Component.TrivialInstance, value: unknown, estimate: unknown) {
      this.setData({
        text: isMoney(value) ? formatMoney(value) : '',
        estimateText: isMoney(estimate) ? `≈ ${formatMoney(estimate)}` : '',
      });
    },
  },
});
