// One POI as a list row or a carousel card: photo, name, category, distance, open-now. Tapping asks to open it.
Component({
  properties: {
    /** A PoiCardView (pages/guide/poi-view.ts). */
    card: { type: Object, value: {} },
    /** 'row' (the list) or 'card' (the map carousel). */
    layout: { type: String, value: 'row' },
    active: { type: Boolean, value: false },
  },
  methods: {
    onTap() {
      this.triggerEvent('open', { id: (this.data.card as { id?: string }).id ?? '' });
    },
  },
});
