"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { PersonCreate, PersonInvited, PersonUpdate, PersonView } from "@/lib/schemas/person";

export const peopleKeys = { all: ["people"] as const };

export function usePeople() {
  return useQuery({ queryKey: peopleKeys.all, queryFn: () => apiFetch<{ items: PersonView[] }>(`/people`) });
}

export function useInvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonCreate) => apiFetch<PersonInvited>(`/people`, { method: "POST", body: JSON.stringify(input) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useReinvitePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<PersonInvited>(`/people/${encodeURIComponent(name)}/invites`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, update }: { name: string; update: PersonUpdate }) =>
      apiFetch<PersonView>(`/people/${encodeURIComponent(name)}`, { method: "PATCH", body: JSON.stringify(update) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useRemovePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiFetch<void>(`/people/${encodeURIComponent(name)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
