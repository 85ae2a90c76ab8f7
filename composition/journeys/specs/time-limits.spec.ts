import { describeJourneys } from '../describe.ts';

describeJourneys('time-limits');
