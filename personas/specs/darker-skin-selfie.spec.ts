import { describeJourneys } from '../../harness/journey/describe.ts';

describeJourneys('darker-skin-selfie');
