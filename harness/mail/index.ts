export { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
export { mailApiReader } from './mailpit.ts';
export { canonicalAddress, sameMailbox, waitForMessage, type MailReader, type ObservedMail } from './types.ts';
