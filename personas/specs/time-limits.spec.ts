import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('time-limits');
