/** Something that is not a readable evidence bundle (not a bundle, truncated zip, bad manifest): exit 64. */
export class BundleError extends Error {}
