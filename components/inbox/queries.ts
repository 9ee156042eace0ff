"use client";
// Query keys and hooks for the questions agents ask; useQuestionEvents keeps them fresh from the event stream.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { BlockerAnswer } from "@/lib/schemas/blocker";
import type { BlockerView, QuestionView } from "@/lib/server/blockers/blocker-view";

export type QuestionFilters = { status?: "open" | "resolved"; limit?: number };

export const questionKeys = {
  all: ["questions"] as const,
  list: (filters: QuestionFilters) => ["questions", "list", filters] as const,
};

export function useQuestions(filters: QuestionFilters) {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.limit) params.set("limit", String(filters.limit));
  return useQuery({
    queryKey: questionKeys.list(filters),
    queryFn: () => apiFetch<{ items: QuestionView[] }>(`/questions?${params}`),
  });
}

export function useAnswerQuestion(question: Pick<QuestionView, "task" | "id">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: BlockerAnswer) =>
      apiFetch<BlockerView>(`/tasks/${encodeURIComponent(question.task)}/blockers/${question.id}/answer`, { method: "POST", body: JSON.stringify(answer) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: questionKeys.all }),
  });
}
