import { describeJourneys } from '../describe.ts';

describeJourneys('screen-reader');
