import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('rtl-reader');
