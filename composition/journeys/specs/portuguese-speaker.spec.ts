import { describeJourneys } from '../describe.ts';

describeJourneys('portuguese-speaker');
