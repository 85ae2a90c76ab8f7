import { describeJourneys } from '../describe.ts';

describeJourneys('rtl-reader');
