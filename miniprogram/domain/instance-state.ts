// What a page keeps outside its render data (fetched records, timers, in-flight flags): a WeakMap per page
// type, so nothing heavy goes through setData and nothing outlives the page.
export function instanceState<T extends object>(init: () => T): (page: object) => T {
  const states = new WeakMap<object, T>();
  return (page) => {
    let state = states.get(page);
    if (!state) states.set(page, (state = init()));
    return state;
  };
}
