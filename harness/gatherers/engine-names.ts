/** The engines and Portico gatherers `--engines` can name (kept apart from the gatherers so the CLI starts fast). */
export const ENGINE_NAMES = ['axe', 'htmlcs', 'lighthouse', 'keyboard'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
export const DEFAULT_ENGINES: EngineName[] = ['axe', 'htmlcs', 'keyboard'];
