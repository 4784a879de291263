// The form kit: one way to build a form (README "Building a form").
export { Form, untilNavigated, type SubmitContext } from "./form";
export { useZodForm, type ZodForm, type ZodFormOptions } from "./use-zod-form";
export {
  AmountField,
  CheckboxField,
  CodeField,
  FieldError,
  FieldHint,
  FileField,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  useFieldParts,
  useFileProblems,
  type FieldParts,
  type FileProblems,
} from "./fields";
export { SubmitButton } from "./submit-button";
export { FormAlert, FormSuccess, useRefusalAlert } from "./form-messages";
