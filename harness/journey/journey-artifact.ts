import type { ArtifactOf } from '../artifacts/schemas.ts';

/** What a journey records at each step, stored as artifacts.gathered.journey (plain JSON; schema: harness/artifacts/schemas.ts, where its fields are documented). */
export type JourneyArtifact = ArtifactOf<'journey'>;
