// The guide's benchmarks: the client-side filter and distance sort the map runs on every category change or
// "near me" (target: under 5 ms for 2000 POIs), and open-now for a list's worth of POIs.
import { openState } from '../miniprogram/domain/hours';
import { selectPois } from '../miniprogram/domain/poi-filter';
import type { Benchmark } from './harness';
import { syntheticPois } from './synthetic-pois';

const pois = syntheticPois(2000);
const here = { lat: -36.8485, lng: 174.7633 };
const now = Date.parse('2026-11-22T09:00:00Z');

export const guideBenchmarks: Benchmark[] = [
  {
    name: 'distance sort, 2000 POIs',
    targetMs: 5,
    run: () => selectPois(pois, { near: here }),
  },
  {
    name: 'filter (category + name) + distance sort, 2000 POIs',
    targetMs: 5,
    run: () => selectPois(pois, { category: 'food', text: 'place 1', near: here }),
  },
  {
    name: 'open-now in destination time, 200 POIs',
    runs: 200,
    run: () => pois.slice(0, 200).map((p) => openState(p, 'Pacific/Auckland', now).kind),
  },
];
