"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { Webhook, WebhookCreate, WebhookTestResult, WebhookUpdate } from "@/lib/schemas/webhook";
import type { DeliveryView } from "@/lib/server/webhooks/webhook-view";

export const webhookKeys = {
  all: ["webhooks"] as const,
  deliveries: (id: string) => ["webhooks", "deliveries", id] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: () => apiFetch<{ items: Webhook[] }>(`/webhooks`) });
}

export function useDeliveries(id: string) {
  // Deliveries change outside any event the stream carries, so the open log refreshes itself.
  return useQuery({
    queryKey: webhookKeys.deliveries(id),
    queryFn: () => apiFetch<{ items: DeliveryView[] }>(`/webhooks/${encodeURIComponent(id)}/deliveries?limit=50`),
    refetchInterval: 5_000,
  });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookCreate) => apiFetch<Webhook>(`/webhooks`, { method: "POST", body: JSON.stringify(input) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useUpdateWebhook(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookUpdate) => apiFetch<Webhook>(`/webhooks/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify(input) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useTestWebhook(id: string) {
  return useMutation({
    mutationFn: () => apiFetch<WebhookTestResult>(`/webhooks/${encodeURIComponent(id)}/test`, { method: "POST" }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/webhooks/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
