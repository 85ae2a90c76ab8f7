/** Arabic-Indic, Extended Arabic-Indic and full-width digits → ASCII, so people can type numbers their way. */
export function asciiDigits(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0));
}
