"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { WebhookCreate } from "@/lib/schemas/webhook";
import type { DeliveryView, WebhookView } from "@/lib/server/webhooks/webhook-view";

export const webhookKeys = {
  all: ["webhooks"] as const,
  deliveries: (id: string) => ["webhooks", "deliveries", id] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: () => apiFetch<{ items: WebhookView[] }>(`/webhooks`) });
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
    mutationFn: (input: WebhookCreate) => apiFetch<WebhookView>(`/webhooks`, { method: "POST", body: JSON.stringify(input) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/webhooks/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}
