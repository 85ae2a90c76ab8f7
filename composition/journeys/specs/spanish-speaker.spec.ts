import { describeJourneys } from '../describe.ts';

describeJourneys('spanish-speaker');
