import type { Ctx } from '../app.ts';
import { attrs, html, raw, type SafeHtml } from './html.ts';

/**
 * Form controls. Every defect that changes how fields, errors or buttons are rendered is applied
 * here, in one place: placeholder-only-labels, errors-color-only, native-validation-bubbles,
 * clickable-divs.
 */

export interface FieldError {
  /** The field (input id) the error belongs to. */
  field: string;
  message: string;
}

export function csrfField(ctx: Ctx): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${ctx.session.csrf}">`;
}

/** An accessible honeypot: hidden from everyone (display:none), so no person ever fills it. */
export function honeypot(ctx: Ctx): SafeHtml {
  return html`<div class="hp" hidden><label for="website">${ctx.t('common.honeypot')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off" value=""></div>`;
}

export function submitButton(ctx: Ctx, label: string, o: { name?: string; value?: string; secondary?: boolean; id?: string } = {}): SafeHtml {
  const cls = o.secondary ? 'button button-secondary' : 'button';
  if (ctx.has('clickable-divs')) {
    const setField = o.name
      ? `var i=document.createElement('input');i.type='hidden';i.name=${JSON.stringify(o.name)};i.value=${JSON.stringify(o.value ?? '')};f.appendChild(i);`
      : '';
    const onclick = `var f=this.closest('form');${setField}f.requestSubmit();`;
    return html`<div class="${cls}"${attrs({ id: o.id })} onclick="${onclick}">${label}</div>`;
  }
  return html`<button type="submit" class="${cls}"${attrs({ id: o.id, name: o.name, value: o.value })}>${label}</button>`;
}

function errorId(name: string): string {
  return `${name}-error`;
}

function describedBy(ctx: Ctx, id: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids: string[] = [];
  if (hint) ids.push(`${id}-hint`);
  if (error && !ctx.has('errors-color-only')) ids.push(errorId(id));
  return ids.length ? ids.join(' ') : undefined;
}

function errorMessage(ctx: Ctx, id: string, error: string | undefined): SafeHtml {
  if (!error || ctx.has('errors-color-only')) return html``;
  return html`<p class="error-message" id="${errorId(id)}"><span class="error-prefix">${ctx.tErr('common.errorPrefix')}</span> ${error}</p>`;
}

function labelFor(ctx: Ctx, id: string, label: string, error: string | undefined, optional: boolean): SafeHtml {
  if (ctx.has('placeholder-only-labels')) return html``;
  const cls = error && ctx.has('errors-color-only') ? 'label label-error' : 'label';
  return html`<label class="${cls}" for="${id}">${label}${optional ? html` <span class="optional">${ctx.t('common.optional')}</span>` : ''}</label>`;
}

function hintFor(id: string, hint: string | undefined): SafeHtml {
  return hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : html``;
}

function invalidAttr(ctx: Ctx, error: string | undefined): string | undefined {
  return error && !ctx.has('errors-color-only') ? 'true' : undefined;
}

export interface TextFieldOptions {
  name: string;
  id?: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'tel' | 'password';
  autocomplete?: string;
  inputmode?: string;
  /** The field must be filled (drives `required` only under native-validation-bubbles). */
  required?: boolean;
  /** Shown as "(optional)" in the label. */
  optional?: boolean;
  /** Pattern attribute, only under native-validation-bubbles. */
  pattern?: string;
  width?: 'xs' | 's' | 'm' | 'l';
  spellcheck?: boolean;
  dir?: string;
}

export function textField(ctx: Ctx, o: TextFieldOptions): SafeHtml {
  const id = o.id ?? o.name;
  const native = ctx.has('native-validation-bubbles');
  const placeholder = ctx.has('placeholder-only-labels') ? o.label : undefined;
  return html`<div class="field${o.error ? ' field-error' : ''}">
${labelFor(ctx, id, o.label, o.error, Boolean(o.optional))}
${hintFor(id, o.hint)}
${errorMessage(ctx, id, o.error)}
<input${attrs({
    class: `input input-${o.width ?? 'l'}`,
    type: o.type ?? 'text',
    id,
    name: o.name,
    value: o.value,
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    spellcheck: o.spellcheck === false ? 'false' : undefined,
    dir: o.dir,
    placeholder,
    'aria-describedby': describedBy(ctx, id, o.hint, o.error),
    'aria-invalid': invalidAttr(ctx, o.error),
    required: native && o.required ? true : undefined,
    pattern: native ? o.pattern : undefined,
  })}>
</div>`;
}

export function textArea(ctx: Ctx, o: { name: string; label: string; value: string; hint?: string; error?: string; required?: boolean; rows?: number }): SafeHtml {
  const id = o.name;
  const native = ctx.has('native-validation-bubbles');
  return html`<div class="field${o.error ? ' field-error' : ''}">
${labelFor(ctx, id, o.label, o.error, false)}
${hintFor(id, o.hint)}
${errorMessage(ctx, id, o.error)}
<textarea${attrs({
    class: 'textarea',
    id,
    name: o.name,
    rows: o.rows ?? 6,
    placeholder: ctx.has('placeholder-only-labels') ? o.label : undefined,
    'aria-describedby': describedBy(ctx, id, o.hint, o.error),
    'aria-invalid': invalidAttr(ctx, o.error),
    required: native && o.required ? true : undefined,
  })}>${o.value}</textarea>
</div>`;
}

export function selectField(
  ctx: Ctx,
  o: { name: string; id?: string; label: string; value: string; options: Array<{ value: string; label: string }>; hint?: string; error?: string; required?: boolean; optional?: boolean; autocomplete?: string },
): SafeHtml {
  const id = o.id ?? o.name;
  const native = ctx.has('native-validation-bubbles');
  const first = ctx.has('placeholder-only-labels') ? o.label : ctx.t('common.choose');
  return html`<div class="field${o.error ? ' field-error' : ''}">
${labelFor(ctx, id, o.label, o.error, Boolean(o.optional))}
${hintFor(id, o.hint)}
${errorMessage(ctx, id, o.error)}
<select${attrs({
    class: 'select',
    id,
    name: o.name,
    autocomplete: o.autocomplete,
    'aria-describedby': describedBy(ctx, id, o.hint, o.error),
    'aria-invalid': invalidAttr(ctx, o.error),
    required: native && o.required ? true : undefined,
  })}>
<option value="">${first}</option>
${o.options.map((op) => html`<option value="${op.value}"${raw(op.value === o.value ? ' selected' : '')}>${op.label}</option>`)}
</select>
</div>`;
}

/** A group of checkboxes in a fieldset with a legend. */
export function checkboxes(
  ctx: Ctx,
  o: { name: string; legend: string; hint?: string; error?: string; values: string[]; options: Array<{ value: string; label: string; lang?: string }> },
): SafeHtml {
  const id = o.name;
  return html`<fieldset class="fieldset${o.error ? ' field-error' : ''}" id="${id}"${attrs({ 'aria-describedby': describedBy(ctx, id, o.hint, o.error) })}>
<legend class="${o.error && ctx.has('errors-color-only') ? 'legend label-error' : 'legend'}">${o.legend}</legend>
${hintFor(id, o.hint)}
${errorMessage(ctx, id, o.error)}
<ul class="checkbox-list">
${o.options.map(
  (op, i) => html`<li class="checkbox"><input type="checkbox" id="${id}-${i}" name="${o.name}" value="${op.value}"${raw(o.values.includes(op.value) ? ' checked' : '')}><label for="${id}-${i}"${attrs({ lang: op.lang })}>${op.label}</label></li>`,
)}
</ul>
</fieldset>`;
}

/** Date of birth: three labelled fields (day, month, year) in a fieldset with a legend. */
export function dateFields(
  ctx: Ctx,
  o: { prefix: string; legend: string; hint?: string; error?: string; day: string; month: string; year: string; bday?: boolean },
): SafeHtml {
  const native = ctx.has('native-validation-bubbles');
  const id = `${o.prefix}_day`;
  const groupId = `${o.prefix}-group`;
  const part = (name: 'day' | 'month' | 'year', value: string, width: 'xs' | 's') => {
    const pid = `${o.prefix}_${name}`;
    return html`<div class="date-part">
${ctx.has('placeholder-only-labels') ? '' : html`<label class="${o.error && ctx.has('errors-color-only') ? 'label label-error' : 'label'}" for="${pid}">${ctx.t(`date.${name}`)}</label>`}
<input${attrs({
      class: `input input-${width}`,
      type: 'text',
      id: pid,
      name: pid,
      value,
      inputmode: 'numeric',
      autocomplete: o.bday ? `bday-${name}` : 'off',
      placeholder: ctx.has('placeholder-only-labels') ? ctx.t(`date.${name}`) : undefined,
      'aria-invalid': invalidAttr(ctx, o.error),
      'aria-describedby': pid === id ? describedBy(ctx, groupId, o.hint, o.error) : o.hint ? `${groupId}-hint` : undefined,
      required: native ? true : undefined,
      pattern: native ? (name === 'year' ? '[0-9]{4}' : '[0-9]{1,2}') : undefined,
    })}>
</div>`;
  };
  return html`<fieldset class="fieldset${o.error ? ' field-error' : ''}" role="group">
<legend class="${o.error && ctx.has('errors-color-only') ? 'legend label-error' : 'legend'}">${o.legend}</legend>
${hintFor(groupId, o.hint)}
${errorMessage(ctx, groupId, o.error)}
<div class="date-parts">${part('day', o.day, 'xs')}${part('month', o.month, 'xs')}${part('year', o.year, 's')}</div>
</fieldset>`;
}

/** The error summary: first in <main>, role=alert, each error linked to its field. */
export function errorSummary(ctx: Ctx, errors: FieldError[]): SafeHtml {
  if (errors.length === 0 || ctx.has('errors-color-only') || ctx.has('native-validation-bubbles')) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" id="error-summary">
<h2 id="error-summary-title">${ctx.tErr('common.errorSummaryTitle')}</h2>
<ul>${errors.map((e) => html`<li><a href="#${e.field}">${e.message}</a></li>`)}</ul>
</div>`;
}

/**
 * `novalidate` on every form: the app shows its own translated, announced messages. The
 * `native-validation-bubbles` defect drops it so the browser's own bubbles appear instead.
 */
export function noValidate(ctx: Ctx): SafeHtml {
  return raw(ctx.has('native-validation-bubbles') ? '' : 'novalidate');
}
