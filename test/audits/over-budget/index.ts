// A page that breaks every Audits budget on purpose, for test/audits/budgets.test.ts: 1100 rows in one parent
// (nodes and children), 32 nested views (depth), a 40 KB setData, a 10 px tap target that sends three setData
// calls, and light grey text on white.
Component({
  data: { rows: [] as string[] },
  methods: {
    onLoad() {
      this.setData({ rows: Array.from({ length: 1100 }, (_, i) => `row ${i}`) });
      this.setData({ blob: 'x'.repeat(40 * 1024) });
    },
    onTap() {
      this.setData({ a: 1 });
      this.setData({ b: 2 });
      this.setData({ c: 3 });
    },
  },
});
