"use client";

import { useId } from "react";
import { PERSON_ROLES, type PersonRole } from "@/lib/schemas/person";

export function RoleSelect({ label, value, onChange, disabled, hideLabel }: { label: string; value: PersonRole; onChange: (role: PersonRole) => void; disabled?: boolean; hideLabel?: boolean }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={hideLabel ? "sr-only" : "text-sm font-medium"}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as PersonRole)}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm disabled:opacity-60 dark:border-zinc-700 dark:bg-zinc-950"
      >
        {PERSON_ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </div>
  );
}
