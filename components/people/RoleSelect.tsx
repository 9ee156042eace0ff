"use client";

import { useId } from "react";
import { PERSON_ROLES, type PersonRole } from "@/lib/schemas/person";

export function RoleSelect({ label, value, onChange, disabled, hideLabel }: { label: string; value: PersonRole; onChange: (role: PersonRole) => void; disabled?: boolean; hideLabel?: boolean }) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm font-medium">
      <span className={hideLabel ? "sr-only" : undefined}>{label}</span>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as PersonRole)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm font-normal disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
      >
        {PERSON_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </label>
  );
}
