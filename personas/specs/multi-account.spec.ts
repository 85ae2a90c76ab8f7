import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('multi-account');
