"use client";
// Query keys and hooks for approvals; useApprovalEvents keeps them fresh from the event stream.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { ApprovalDecision, ApprovalStatus } from "@/lib/schemas/approval";
import type { ApprovalDetail, ApprovalListItem } from "@/lib/server/approvals/approval-view";

export type ApprovalFilters = { status?: ApprovalStatus; task?: string };

export const approvalKeys = {
  all: ["approvals"] as const,
  list: (filters: ApprovalFilters) => ["approvals", "list", filters] as const,
  detail: (id: string) => ["approvals", "detail", id] as const,
};

export function useApprovals(filters: ApprovalFilters) {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.task) params.set("task", filters.task);
  return useQuery({
    queryKey: approvalKeys.list(filters),
    queryFn: () => apiFetch<{ items: ApprovalListItem[] }>(`/approvals?${params}`),
  });
}

export function useApproval(id: string | null) {
  return useQuery({
    queryKey: approvalKeys.detail(id ?? ""),
    queryFn: () => apiFetch<ApprovalDetail>(`/approvals/${encodeURIComponent(id!)}`),
    enabled: id !== null,
  });
}

export function useDecideApproval(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: ApprovalDecision) =>
      apiFetch<ApprovalListItem>(`/approvals/${encodeURIComponent(id)}/decision`, { method: "POST", body: JSON.stringify(decision) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
