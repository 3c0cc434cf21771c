/** The temp-dir settings of every vitest config here (the suite's and the temp check's fixture). */
export const tempDirSettings = {
  globalSetup: ["./test/support/tempRoot.ts"],
  setupFiles: ["./test/support/tempCheck.ts"],
};
