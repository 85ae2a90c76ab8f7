import { describeJourneys } from '../describe.ts';

describeJourneys('low-end-network');
