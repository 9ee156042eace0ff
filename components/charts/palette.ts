export const SERIES_COLORS = ["#0ea5e9", "#10b981", "#8b5cf6", "#f59e0b", "#ef4444", "#14b8a6", "#ec4899", "#64748b"];

const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit" });
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

export const formatTick = (value: number) => time.format(new Date(value));
export const formatTooltipTime = (value: unknown) => dateTime.format(new Date(Number(value)));
