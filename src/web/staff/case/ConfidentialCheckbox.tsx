import { useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { Checkbox, Select } from "../../ui/Field.tsx";
import { useSession } from "../session.tsx";

/**
 * Whether a new note or document is confidential to the writer's agency, starting from the
 * server's default for this user (`confidentialNotesByDefault` on /me: VAWA keeps what
 * victim-services staff write with their agency). The form always sends the choice made, so
 * what the writer saw checked is what is stored. `reset` puts the default back after a save.
 */
export function useConfidentialChoice() {
  const { me } = useSession();
  const [confidential, setConfidential] = useState(me.confidentialNotesByDefault);
  return {
    confidential,
    setConfidential,
    reset: () => setConfidential(me.confidentialNotesByDefault),
  };
}

export function ConfidentialCheckbox(props: {
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | null;
}) {
  const { t } = useI18n();
  return (
    <Checkbox
      label={t("file.confidential_choice")}
      hint={t("file.confidential_hint")}
      checked={props.checked}
      onChange={props.onChange}
      error={props.error ?? null}
    />
  );
}

/** Which person on the case a note or document is about (optional): consent is per person. */
export function AboutPersonSelect(props: {
  persons: readonly { value: string; label: string }[];
  value: string;
  error: string | null;
  onChange: (personId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={`${t("file.about_label")} ${t("common.optional")}`}
      hint={t("file.about_hint")}
      choices={props.persons}
      placeholder={t("file.about_nobody")}
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}
