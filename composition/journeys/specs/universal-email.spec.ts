import { describeJourneys } from '../describe.ts';

describeJourneys('universal-email');
