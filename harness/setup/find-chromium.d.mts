export function findChromium(env?: NodeJS.ProcessEnv): { path: string; source: string } | { path: null; tried: string[] };
export const CHROMIUM_ARGS: string[];
export function requireChromium(env?: NodeJS.ProcessEnv): string;
