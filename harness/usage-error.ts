/** Bad usage (a wrong flag, a file that does not parse): exit 64, with a message naming what and where. */
export class UsageError extends Error {}
