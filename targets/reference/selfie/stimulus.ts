/** The stimulus generator moved to harness/camera/ (it is the harness's camera, not the app's); kept for imports. */
export * from '../../../harness/camera/stimulus.ts';
