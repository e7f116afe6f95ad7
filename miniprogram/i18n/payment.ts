export const payment = {
  'zh-CN': {
    sandboxTitle: '模拟支付（开发环境，不会扣款）',
    sandboxPay: '支付成功',
    sandboxCancel: '取消支付',
    sandboxFail: '支付失败',
  },
  en: {
    sandboxTitle: 'Sandbox payment (develop build, no money moves)',
    sandboxPay: 'Pay',
    sandboxCancel: 'Cancel',
    sandboxFail: 'Fail',
  },
};
