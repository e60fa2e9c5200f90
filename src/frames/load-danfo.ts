import type * as Danfo from "danfojs-node";

/** The danfojs-node module: `DataFrame`, `Series`, `concat`, `merge` and the rest. */
export type DanfoModule = typeof Danfo.default;

let loading: Promise<DanfoModule> | undefined;

/**
 * Loads danfojs-node the first time a DataFrame is made. It brings TensorFlow.js along (about a
 * second to load), so the library and the CLI never import it at start, only here, when asked.
 * @example const dfd = await loadDanfo(); const df = new dfd.DataFrame({ a: [1, 2] });
 */
export function loadDanfo(): Promise<DanfoModule> {
  // Node gives a CommonJS module as `default`; a loader that honours its `__esModule` flag gives it whole.
  loading ??= import("danfojs-node").then((module) => module.default ?? (module as unknown as DanfoModule));
  return loading;
}
