/** The declarative target format lives in ./declarative/ (one file per concern); this path stays for importers. */
export * from './declarative/index.ts';
