import { describeJourneys } from '../describe.ts';

describeJourneys('multi-account');
