/**
 * The selfie module's API (owned by the selfie helper, in ./selfie/), loaded lazily so the app
 * still starts while that module is missing or broken; the selfie step then says the camera check
 * is unavailable and offers the in-person alternative.
 */
export interface SelfieModule {
  selfieScriptPath?: string;
  evaluateSelfie(metrics: unknown, opts: { gate: 'fair' | 'naive-absolute' }): { accepted: boolean; reason?: string };
  selfieStaticDirs: Array<{ urlPrefix: string; dir: string }>;
}

let loaded: Promise<SelfieModule | null> | undefined;

export function loadSelfieModule(): Promise<SelfieModule | null> {
  loaded ??= import('./selfie/routes.ts').then(
    (m) => m as unknown as SelfieModule,
    () => null,
  );
  return loaded;
}
