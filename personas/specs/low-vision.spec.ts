import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('low-vision');
