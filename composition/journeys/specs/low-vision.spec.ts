import { describeJourneys } from '../describe.ts';

describeJourneys('low-vision');
