import type { Artifacts, Audit, AuditResult, DraftFinding } from '../../harness/types.ts';
import { gathered } from '../../harness/artifacts/gathered.ts';
import { BLOCK_THRESHOLDS, detectLanguage, languageName, primaryTag } from './language-detect.ts';

export const MAIL_LANGUAGE_CITE = 'i18n: mail not in the user language';

/** The mail a described step waited for (`waitForMail:`), as the walk records it under journey.records.mail. */
interface MailFact { to: string; subject: string; text: string; contentLanguage?: string; requestedLanguage?: string }

const isMailFact = (x: unknown): x is MailFact =>
  typeof x === 'object' && x !== null && typeof (x as MailFact).subject === 'string' && typeof (x as MailFact).text === 'string' && typeof (x as MailFact).to === 'string';

const excerpt = (s: string) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > 160 ? `${t.slice(0, 160)}…` : t; };

/**
 * A mail the person waited for arrives in the language they use the site in. Judged from what the
 * mail says (franc, choosing between the asked language, English and the language its
 * Content-Language header names; long and clear-cut text only) — a header alone is never enough
 * for a barrier: a mail whose words cannot be told but whose header names another language is
 * cantTell. Not a WCAG criterion (mail is not the web content); W3C i18n localisation guidance.
 */
export const mailLanguageAudit: Audit = {
  meta: {
    id: 'mail-language',
    title: 'Mail arrives in the person\'s language',
    failureTitle: 'Mail arrives in another language than the one the person uses the site in',
    description: 'Each mail a journey waited for (a code, a confirmation) is in the language the flow asked the site for: its text, by franc with clear-cut thresholds, and its Content-Language header as a hint.',
    requiredArtifacts: ['journey'],
    requirements: { other: [MAIL_LANGUAGE_CITE] },
    mode: 'automatic',
    rules: {
      'mail-not-in-language': { title: 'A mail is not in the person\'s language', wcag: [], other: [MAIL_LANGUAGE_CITE], impact: 'serious', help: 'Send every mail in the language the person chose on the site, and say so in its Content-Language header.' },
      'mail-language-unclear': { title: 'A mail may not be in the person\'s language', wcag: [], other: [MAIL_LANGUAGE_CITE], impact: 'moderate', help: 'Check the mail\'s language: its header names another language, and its text is too short to tell.' },
    },
  },
  audit(artifacts: Artifacts): AuditResult {
    const j = gathered(artifacts, 'journey');
    const mail = j.records.mail;
    if (!isMailFact(mail)) return { outcome: 'inapplicable', findings: [] };
    // The target does not offer the person's language: that is its own finding (language-not-offered).
    if (j.personaLanguageOffered === false) return { outcome: 'inapplicable', findings: [], notes: ['the target does not offer the person\'s language'] };
    const asked = primaryTag(mail.requestedLanguage ?? j.requestedLanguage ?? artifacts.context.locale);
    if (!asked) return { outcome: 'inapplicable', findings: [], notes: ['no language was asked for'] };
    const header = primaryTag(mail.contentLanguage);
    const candidates = [...new Set([asked, 'en', header].filter(Boolean))];
    const d = detectLanguage(`${mail.subject}\n${mail.text}`, candidates, BLOCK_THRESHOLDS);
    const about = `The mail "${excerpt(mail.subject)}" to ${mail.to}`;
    const headerSays = header ? `Content-Language: ${mail.contentLanguage}` : 'no Content-Language header';
    const base = { engines: ['portico'] as DraftFinding['engines'], selector: `mail:${mail.subject}`, domPath: `(mail) ${mail.subject}`, key: header || d.language || undefined, snippet: excerpt(mail.text), wcag: [], other: [MAIL_LANGUAGE_CITE] };
    if (d.language && d.language !== asked) {
      return { outcome: 'failed', findings: [{ ...base, ruleId: 'mail-not-in-language', outcome: 'failed', impact: 'serious', key: d.language,
        message: `${about} is in ${languageName(d.language)}, not in ${languageName(asked)}, the language the person used the site in: "${excerpt(mail.text)}" (franc over ${d.words} words, runner-up ${d.runnerUp?.language ?? '-'} at ${d.runnerUp?.score ?? '-'}; ${headerSays}).` }] };
    }
    if (d.language === asked) return { outcome: 'passed', findings: [], notes: [`${about}: ${languageName(asked)} (franc over ${d.words} words; ${headerSays})`] };
    if (header && header !== asked) {
      return { outcome: 'cantTell', findings: [{ ...base, ruleId: 'mail-language-unclear', outcome: 'cantTell', impact: 'moderate',
        message: `${about} says it is in ${languageName(header)} (${headerSays}), not ${languageName(asked)}; its text does not tell (${d.reason ?? 'no clear language'}): "${excerpt(mail.text)}".` }] };
    }
    return { outcome: 'cantTell', findings: [], notes: [`${about}: language not told (${d.reason ?? 'no clear language'}; ${headerSays})`] };
  },
};
