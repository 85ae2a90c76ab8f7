import { describeJourneys } from '../describe.ts';

describeJourneys('haitian-creole');
