import { useI18n } from "../../i18n/i18n.tsx";
import { RadioGroup } from "../../ui/Field.tsx";

export type Confidentiality = "default" | "confidential" | "shared";

/** The value to send: nothing for the default, so the server's own rule decides. */
export function confidentialFlag(choice: Confidentiality): boolean | undefined {
  return choice === "default" ? undefined : choice === "confidential";
}

/**
 * Who may read a note or document. The default is the server's: confidential to the author's
 * agency for victim services (VAWA), shared with the case team otherwise; the browser does not
 * keep its own copy of that rule, it just leaves the choice to the server unless told.
 */
export function ConfidentialityChoice(props: {
  name: string;
  value: Confidentiality;
  onChange(value: Confidentiality): void;
}) {
  const { t } = useI18n();
  return (
    <RadioGroup
      name={props.name}
      label={t("file.readers")}
      hint={t("file.readers_hint")}
      choices={[
        { value: "default", label: t("file.readers_default") },
        { value: "confidential", label: t("file.readers_confidential") },
        { value: "shared", label: t("file.readers_shared") },
      ]}
      value={props.value}
      onChange={(v) => props.onChange(v as Confidentiality)}
    />
  );
}
