import { describeJourneys } from '../describe.ts';

describeJourneys('darker-skin-selfie');
