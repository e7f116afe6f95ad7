// Hostile JSON for the api/ boundary: random documents, and mutations of a real response that break one field's
// type, drop it, null it or wrap the document, so every decoder is fed what a broken or malicious server sends.
import fc from 'fast-check';

export type Path = Array<string | number>;

/** Every path inside a JSON value (the root excluded), containers and leaves alike. */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...at, i], ...pathsOf(v, [...at, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...pathsOf(v, [...at, k])]);
  }
  return [];
}

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], value);
}

/** A copy of `value` with the node at `path` replaced (or removed when `replacement` is `remove`). */
export function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  if (replacement === remove) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = replacement;
  return copy;
}

export const remove = Symbol('remove');

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Values of another JSON kind than `v` (never null: the decoders read null as absent, on purpose). */
export function otherKind(v: unknown): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
      fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    )
    .filter((w) => kindOf(w) !== kindOf(v));
}

/** One field of `sample` given a value of another kind: the decoder must refuse it or not read that field. */
export function typeBroken(sample: unknown): fc.Arbitrary<{ path: Path; body: unknown }> {
  return fc
    .constantFrom(...pathsOf(sample))
    .chain((path) => otherKind(getAt(sample, path)).map((v) => ({ path, body: setAt(sample, path, v) })));
}

/** Anything else a server might send: random JSON, a field removed or nulled, an HTML error page, a wrapper. */
export function garbage(sample: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(sample);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom(
      '',
      '<html><body>502 Bad Gateway</body></html>',
      null,
      0,
      [],
      {},
      { items: 'x' },
      [sample],
      { data: sample },
    ),
    ...(paths.length
      ? [
          fc.constantFrom(...paths).map((p) => setAt(sample, p, remove)),
          fc.constantFrom(...paths).map((p) => setAt(sample, p, null)),
          fc
            .tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 }))
            .map(([p, v]) => setAt(sample, p, v)),
        ]
      : []),
  );
}
