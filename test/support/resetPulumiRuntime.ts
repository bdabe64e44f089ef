import { afterAll } from "vitest";

/*
 * Test files in the shared Pulumi pool run one after another in the same process (vitest
 * `isolate: false`), so the SDK is loaded once per worker instead of once per file. Pulumi keeps its
 * deployment state process-global (runtime/state.js `global.globalStore`, runtime/settings.js
 * module-level monitor and engine, `globalThis.stackResource`). After each file that state goes back
 * to what a fresh process has, so no file sees the mocks, configuration or stack of the one before.
 * What the SDK registers once when a provider package is loaded (resource packages and modules,
 * needed to rehydrate resource references) is kept: a fresh process would not load the package again.
 */
function loadedPulumiRuntime(): { state: PulumiState; settings: PulumiSettings } | undefined {
  const statePath = require.resolve("@pulumi/pulumi/runtime/state");
  // A file that never loaded the SDK has no state to reset; loading it here would cost the import saved.
  if (!(statePath in require.cache)) return undefined;
  /* eslint-disable @typescript-eslint/no-require-imports -- the runtime's internals have no typings */
  return { state: require(statePath) as PulumiState, settings: require("@pulumi/pulumi/runtime/settings") as PulumiSettings };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

interface PulumiStore {
  resourcePackages?: unknown;
  resourceModules?: unknown;
}
interface PulumiState {
  LocalStore: new () => PulumiStore;
  getGlobalStore(): PulumiStore;
}
interface PulumiSettings {
  _reset(): void;
}

afterAll(() => {
  const runtime = loadedPulumiRuntime();
  if (!runtime) return;
  runtime.settings._reset();
  const store = runtime.state.getGlobalStore();
  const { resourcePackages, resourceModules } = store;
  for (const key of Object.keys(store)) delete (store as Record<string, unknown>)[key];
  Object.assign(store, new runtime.state.LocalStore(), { resourcePackages, resourceModules });
  (globalThis as { stackResource?: unknown }).stackResource = undefined;
});
