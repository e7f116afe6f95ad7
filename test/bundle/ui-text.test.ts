// UI text belongs in the i18n dictionaries, in both languages: the sources hold none elsewhere, and the scan that
// says so finds each kind of slip.
import {
  formatUiTextFinding,
  scanJson,
  scanTypeScript,
  scanUiText,
  scanWxml,
} from '../../scripts/lib/ui-text';
import { srcDir } from '../../scripts/lib/paths';

test('the mini program writes no UI text outside miniprogram/i18n', () => {
  expect(scanUiText(srcDir).map(formatUiTextFinding)).toEqual([]);
});

test('WXML: Chinese anywhere, English in text and in what a user reads; not bindings, classes or comments', () => {
  const wxml = [
    '<!-- 注释 and a comment -->',
    '<view class="card sold-out" bindtap="onOpen" aria-role="button">{{s.tickets.book}}</view>',
    '<view wx:if="{{state === \'loading\'}}">{{a > b ? s.common.yes : s.common.no}} · ›</view>',
    '<text>已售罄</text>',
    '<text>{{soldOut ? "售罄" : s.tickets.book}}</text>',
    '<view>Sold out</view>',
    '<input placeholder="Your name" value="{{name}}" />',
    '<van-button confirm-text="{{s.common.ok}}" cancel-text="Cancel" />',
  ].join('\n');
  expect(scanWxml('page.wxml', wxml)).toEqual([
    { file: 'page.wxml', line: 4, text: '已售罄' },
    { file: 'page.wxml', line: 5, text: '{{soldOut ? "售罄" : s.tickets.book}}' },
    { file: 'page.wxml', line: 6, text: 'Sold out' },
    { file: 'page.wxml', line: 7, text: 'placeholder="Your name"' },
    { file: 'page.wxml', line: 8, text: 'cancel-text="Cancel"' },
  ]);
});

test('TypeScript: Chinese in strings and templates, not in comments', () => {
  const source = [
    '// 注释',
    "const key = 'tickets.book';",
    "wx.showToast({ title: '已领取' });",
    'const text = `共 ${n} 张`;',
  ].join('\n');
  expect(scanTypeScript('page.ts', source)).toEqual([
    { file: 'page.ts', line: 3, text: '已领取' },
    { file: 'page.ts', line: 4, text: '`共 ${n} 张`' },
  ]);
});

test('JSON: Chinese values except what WeChat reads before any code runs', () => {
  const json = JSON.stringify(
    {
      navigationBarTitleText: '门票',
      window: { navigationBarTitleText: '漫游者' },
      tabBar: { list: [{ pagePath: 'pages/home/index', text: '首页' }] },
      permission: { 'scope.userLocation': { desc: '用于显示附近景点' } },
      usingComponents: { price: '../../components/price/index' },
      shareTitle: '快来看看',
    },
    null,
    2,
  );
  expect(scanJson('page.json', json)).toEqual([
    {
      file: 'page.json',
      line: json.split('\n').findIndex((l) => l.includes('快来看看')) + 1,
      text: 'shareTitle: 快来看看',
    },
  ]);
});
