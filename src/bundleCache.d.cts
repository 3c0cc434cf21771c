import type { BuildOptions, BuildResult } from "esbuild";

export interface FreshBundleOptions {
  /** Write an external source map next to the bundle. */
  sourcemap?: boolean;
  /** The project the entry path is relative to (default: this repository). */
  projectDir?: string;
  /** Where bundles are cached (default: <projectDir>/node_modules/.cache/aoai-bundles). */
  cacheDir?: string;
  /** esbuild's buildSync, replaceable in tests. */
  build?: (
    options: BuildOptions & { metafile: true; write: false },
  ) => BuildResult<{ metafile: true; write: false }>;
}

/** Path of a current CommonJS bundle of `entry`, rebuilt only when an input's content changed. */
export function freshBundle(entry: string, options?: FreshBundleOptions): string;
