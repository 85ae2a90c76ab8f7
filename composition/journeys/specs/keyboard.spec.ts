import { describeJourneys } from '../describe.ts';

describeJourneys('keyboard');
