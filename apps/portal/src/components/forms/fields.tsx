"use client";

// The kit's fields. Each one: a visible label, its hint and its error tied to the control
// with aria-describedby, aria-invalid while it has an error. They read the form from
// <Form> (react-hook-form's context); `name` is the shared schema's field name.
import { Fragment, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { get, useController, useFormContext, useFormState } from "react-hook-form";
import styles from "./forms.module.css";

export interface FieldParts {
  /** The control's id (its label points at it). */
  id: string;
  /** The error sentence, if the field has one. */
  error: string | undefined;
  hintId: string;
  errorId: string;
  /** Spread onto the control: aria-invalid and aria-describedby. */
  aria: { "aria-invalid": true | undefined; "aria-describedby": string | undefined };
}

/** The ids, error and ARIA attributes of a field, for a control the kit has no component for. */
export function useFieldParts(name: string, options: { id?: string | undefined; hint?: boolean } = {}): FieldParts {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const generated = useId();
  const id = options.id ?? `${generated}${name}`;
  const error = (get(errors, name) as { message?: string } | undefined)?.message || undefined;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [options.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ");
  return { id, error, hintId, errorId, aria: { "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined } };
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="muted small">
      {children}
    </p>
  );
}

/** The sentence under a field that says what is wrong with it. */
export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className={styles.fieldError}>
      {children}
    </p>
  );
}

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "aria-invalid" | "aria-describedby" | "className" | "value" | "defaultValue" | "onChange" | "onBlur"
>;

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A fixed id (else one is generated). */
  id?: string;
}

/** A labelled text input (text, email, password, tel ...). */
export function TextField({ name, label, hint, id, className, ...input }: InputProps & FieldProps & { className?: string }) {
  const { register } = useFormContext();
  const field = useFieldParts(name, { id, hint: Boolean(hint) });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? <FieldHint id={field.hintId}>{hint}</FieldHint> : null}
      <input {...input} {...register(name)} id={field.id} className={className ? `${styles.input} ${className}` : styles.input} {...field.aria} />
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </div>
  );
}

/** A few lines of text (a reason, evidence): the kit's parts around a textarea. */
export function TextAreaField({
  name,
  label,
  hint,
  id,
  ...textarea
}: Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "aria-invalid" | "aria-describedby" | "className" | "value" | "defaultValue" | "onChange" | "onBlur"> &
  FieldProps) {
  const { register } = useFormContext();
  const field = useFieldParts(name, { id, hint: Boolean(hint) });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? <FieldHint id={field.hintId}>{hint}</FieldHint> : null}
      <textarea rows={4} {...textarea} {...register(name)} id={field.id} className={styles.textarea} {...field.aria} />
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </div>
  );
}

/** A short numeric or recovery code: monospaced and narrow, filled in by the phone's keyboard. */
export function CodeField({
  digits,
  ...props
}: Omit<InputProps, "inputMode" | "autoComplete"> & FieldProps & { digits?: number; autoComplete?: string }) {
  return (
    <TextField
      inputMode={digits ? "numeric" : undefined}
      autoComplete="one-time-code"
      spellCheck={false}
      maxLength={digits ? digits + 8 : undefined}
      {...props}
      className={styles.codeInput}
    />
  );
}

/**
 * An amount of money as the customer types it: a decimal string (never a number), checked
 * by the shared amount schema; the hint says the currency and the format.
 */
export function AmountField(props: Omit<InputProps, "inputMode" | "type"> & FieldProps) {
  return <TextField type="text" inputMode="decimal" autoComplete="off" {...props} />;
}

type SelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  "id" | "name" | "aria-invalid" | "aria-describedby" | "className" | "value" | "defaultValue" | "onChange" | "onBlur"
>;

export function SelectField({ name, label, hint, id, children, ...select }: SelectProps & FieldProps & { children: ReactNode }) {
  const { register } = useFormContext();
  const field = useFieldParts(name, { id, hint: Boolean(hint) });
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      {hint ? <FieldHint id={field.hintId}>{hint}</FieldHint> : null}
      <select {...select} {...register(name)} id={field.id} className={styles.select} {...field.aria}>
        {children}
      </select>
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </div>
  );
}

/** A checkbox with its label beside it (a boolean in the schema). */
export function CheckboxField({ name, label, hint, id, ...input }: Omit<InputProps, "type"> & FieldProps) {
  const { register } = useFormContext();
  const field = useFieldParts(name, { id, hint: Boolean(hint) });
  return (
    <div className="field">
      <div className={styles.check}>
        <input {...input} type="checkbox" {...register(name)} id={field.id} {...field.aria} />
        <label htmlFor={field.id}>{label}</label>
      </div>
      {hint ? <FieldHint id={field.hintId}>{hint}</FieldHint> : null}
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </div>
  );
}

/** One choice among a few, as radio buttons in a fieldset whose legend is the question. */
export function RadioGroupField({
  name,
  legend,
  hint,
  options,
  disabled,
}: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  options: ReadonlyArray<{ value: string; label: ReactNode; description?: ReactNode; disabled?: boolean }>;
  disabled?: boolean;
}) {
  const { register } = useFormContext();
  const field = useFieldParts(name, { hint: Boolean(hint) });
  return (
    <fieldset
      role="radiogroup"
      className={styles.fieldset}
      aria-invalid={field.aria["aria-invalid"]}
      aria-describedby={field.aria["aria-describedby"]}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      {hint ? <FieldHint id={field.hintId}>{hint}</FieldHint> : null}
      <div className={styles.choices}>
        {options.map((option, index) => (
          <label key={option.value} className={styles.choice}>
            <input
              type="radio"
              value={option.value}
              disabled={option.disabled}
              {...register(name)}
              id={index === 0 ? field.id : undefined}
            />
            <span>
              {option.label}
              {option.description ? <span className="muted small"> {option.description}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={field.errorId}>{field.error}</FieldError>
    </fieldset>
  );
}

/** The first error message in an error node: its own, else one of a nested field's (a file's `type`, then `size`). */
function firstMessage(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const { message } = node as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const [key, value] of Object.entries(node)) {
    if (key === "ref") continue;
    const nested = firstMessage(value);
    if (nested) return nested;
  }
  return undefined;
}

export interface FileProblems {
  /** The problem of the list as a whole (none picked, too many). */
  list: string | undefined;
  /** Each file's problem, by its position in the list (the browser's `files.1.type`, the server's `files.1`). */
  files: Array<string | undefined>;
}

/** The problems of a file field (FileField), for a list of the picked files shown beside it. */
export function useFileProblems(name: string): FileProblems {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  const node = get(errors, name) as unknown;
  const files: Array<string | undefined> = [];
  if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) if (/^\d+$/.test(key)) files[Number(key)] = firstMessage(value);
  }
  const own = (node as { message?: unknown } | undefined)?.message;
  return { list: typeof own === "string" && own ? own : undefined, files };
}

/**
 * Files picked on the device: the value is an array of File (its name, type and size are
 * what a shared schema checks, e.g. selectedDocumentFiles); reading them is the submit's
 * job. The list's problem and each file's (with the file's name, `fileProblem` words it)
 * are its error, tied to the input like any field's.
 */
export function FileField({
  name,
  label,
  hint,
  id,
  accept,
  multiple = true,
  className,
  fileProblem = (fileName, problem) => `${fileName}: ${problem}`,
}: FieldProps & {
  accept?: string;
  multiple?: boolean;
  className?: string;
  fileProblem?: (fileName: string, problem: string) => string;
}) {
  const { field } = useController({ name });
  const { ref, onBlur, onChange, value, disabled } = field;
  const parts = useFieldParts(name, { id, hint: Boolean(hint) });
  const problems = useFileProblems(name);
  const picked = (Array.isArray(value) ? value : []) as ReadonlyArray<{ name?: string }>;
  const messages = [
    problems.list,
    ...problems.files.map((problem, index) => (problem ? fileProblem(picked[index]?.name ?? "", problem) : undefined)),
  ].filter((message): message is string => Boolean(message));
  const describedBy = [hint ? parts.hintId : null, messages.length > 0 ? parts.errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={parts.id}>{label}</label>
      {hint ? <FieldHint id={parts.hintId}>{hint}</FieldHint> : null}
      <input
        type="file"
        id={parts.id}
        name={name}
        ref={ref}
        onBlur={onBlur}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        className={className}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
      />
      <FieldError id={parts.errorId}>
        {messages.length > 0
          ? messages.map((message, index) => (
              <Fragment key={index}>
                {index > 0 ? " " : null}
                <span className={styles.fieldErrorLine}>{message}</span>
              </Fragment>
            ))
          : null}
      </FieldError>
    </div>
  );
}
