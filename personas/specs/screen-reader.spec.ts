import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('screen-reader');
