import { describe, expect, it } from "vitest";
import { formatDuration, formatNumber, formatProgress, formatRate, progressPercent } from "@/lib/format/numbers";
import { formatRelative } from "@/lib/format/relative-time";

describe("formatProgress", () => {
  it("reads like the spec: current / total unit · percent", () => {
    expect(formatProgress({ current: 730_000, total: 1_000_000, unit: "records" })).toBe("730,000 / 1,000,000 records · 73%");
  });
  it("shows only the count when there is no total", () => {
    expect(formatProgress({ current: 42, total: null, unit: "files" })).toBe("42 files");
    expect(formatProgress({ current: 3, total: undefined, unit: null })).toBe("3");
  });
  it("clamps the percent to 0..100 with one decimal", () => {
    expect(progressPercent({ current: 1, total: 3, unit: null })).toBe(33.3);
    expect(progressPercent({ current: 5, total: 3, unit: null })).toBe(100);
  });
});

describe("formatNumber", () => {
  it("groups thousands and keeps two decimals for small values", () => {
    expect(formatNumber(1840)).toBe("1,840");
    expect(formatNumber(0.4217)).toBe("0.42");
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [45, "45 s"],
    [720, "12 min"],
    [3600, "1 h"],
    [7500, "2 h 5 min"],
    [86_400 * 3 + 3600 * 4, "3 d 4 h"],
    [-5, "0 s"],
  ])("%d seconds → %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("formatRate", () => {
  it("picks the unit of time that keeps the number at or above one", () => {
    expect(formatRate(1840, "records")).toBe("1,840 records/s");
    expect(formatRate(0.2, "rows")).toBe("12 rows/min");
    expect(formatRate(0.001, null)).toBe("3.6 units/h");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-11-25T12:00:00Z");
  it("says how long ago, in short words", () => {
    expect(formatRelative("2026-11-25T11:58:00Z", now)).toBe("2 min. ago");
    expect(formatRelative("2026-11-25T09:00:00Z", now)).toBe("3 hr. ago");
  });
  it("never shows the future (clock skew reads as just now)", () => {
    expect(formatRelative("2026-11-25T12:05:00Z", now)).toBe("just now");
  });
});
