import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('no-us-address');
