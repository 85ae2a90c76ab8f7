import { describeJourneys } from '../describe.ts';

describeJourneys('no-us-address');
