/**
 * Page text is data: before it reaches a terminal or a CI log it loses everything a terminal
 * interprets — escape sequences (colours, cursor moves, OSC titles and hyperlinks), C0/C1 control
 * characters, and the bidirectional overrides that can reorder what a reader sees — so a page
 * cannot forge lines or hide text in a log.
 */
// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), other two-byte ESC sequences, and 8-bit CSI.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text safe to print, keeping its line breaks and tabs (for whole reports). */
export function terminalSafe(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, (c) => (c === '\r' ? '' : '\uFFFD')).replace(BIDI_OVERRIDE, '\uFFFD');
}

/** One field of page text on one line: line breaks become spaces, so it cannot start a line of its own. */
export function oneLine(text: string | null | undefined): string {
  return terminalSafe(String(text ?? '')).replace(/[\n\t\u2028\u2029]+/g, ' ');
}
