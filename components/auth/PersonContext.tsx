"use client";

// The logged-in person, read once on the server per page load and shared with every client component, so the
// UI shows only what their role may do (the API enforces it either way).
import { createContext, useContext, type ReactNode } from "react";
import { roleAtLeast, type Me, type PersonRole } from "@/lib/schemas/person";

const PersonContext = createContext<Me | null>(null);

export function PersonProvider({ person, children }: { person: Me | null; children: ReactNode }) {
  return <PersonContext.Provider value={person}>{children}</PersonContext.Provider>;
}

export function usePerson(): Me | null {
  return useContext(PersonContext);
}

/** Whether the logged-in person's role reaches `role`. */
export function useHasRole(role: PersonRole): boolean {
  const person = usePerson();
  return person !== null && roleAtLeast(person.role, role);
}
