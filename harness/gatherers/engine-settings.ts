/** How the engines are tuned (`engines.axe`, `engines.htmlcs` in portico.config): recorded in each artifact. */
export interface EngineSettings {
  axe?: { tags?: string[]; disableRules?: string[] };
  htmlcs?: { standard?: 'WCAG2A' | 'WCAG2AA' | 'WCAG2AAA' };
}

/** `portico run` hands the settings to its Playwright workers in the environment. */
export const ENGINE_SETTINGS_ENV = 'PORTICO_ENGINE_SETTINGS';

export function engineSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const raw = env[ENGINE_SETTINGS_ENV];
  if (!raw) return {};
  try {
    return JSON.parse(raw) as EngineSettings;
  } catch {
    throw new Error(`${ENGINE_SETTINGS_ENV} is not valid JSON: ${raw.slice(0, 80)}`);
  }
}
