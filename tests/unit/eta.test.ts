import { describe, expect, it } from "vitest";
import { estimateEta } from "@/lib/format/eta";

const t0 = Date.parse("2026-11-25T12:00:00Z");
const at = (seconds: number) => t0 + seconds * 1000;

describe("estimateEta", () => {
  it("projects the time left from the recent progress rate and names the rate in the phase's unit", () => {
    const eta = estimateEta({
      samples: [
        { at: at(0), current: 0 },
        { at: at(60), current: 110_400 },
      ],
      total: 1_000_000,
      unit: "records",
      now: at(60),
    });
    expect(eta?.ratePerSecond).toBe(1840);
    expect(Math.round(eta!.remainingSeconds)).toBe(483);
    expect(eta?.label).toBe("~8 min left at 1,840 records/s");
  });

  it("uses only the samples inside the window, so an old slow start does not drag the estimate", () => {
    const eta = estimateEta({
      samples: [
        { at: at(0), current: 0 },
        { at: at(3600), current: 100 },
        { at: at(3660), current: 700 },
        { at: at(3720), current: 1300 },
      ],
      total: 2500,
      unit: "rows",
      now: at(3720),
    });
    expect(eta?.ratePerSecond).toBe(10);
    expect(eta?.remainingSeconds).toBe(120);
  });

  it("falls back to the last two samples when the window holds only one", () => {
    const eta = estimateEta({ samples: [{ at: at(0), current: 0 }, { at: at(3600), current: 360 }], total: 720, now: at(3600) });
    expect(eta?.ratePerSecond).toBe(0.1);
    expect(eta?.label).toBe("~1 h left at 6 units/min");
  });

  it("counts time already passed since the latest sample and never goes below zero", () => {
    const samples = [
      { at: at(0), current: 0 },
      { at: at(10), current: 50 },
    ];
    expect(estimateEta({ samples, total: 100, now: at(12) })?.remainingSeconds).toBe(8);
    expect(estimateEta({ samples, total: 100, now: at(100) })?.remainingSeconds).toBe(0);
  });

  it("gives no estimate without a total, with a single sample, without progress, or when done", () => {
    const samples = [
      { at: at(0), current: 10 },
      { at: at(10), current: 10 },
    ];
    expect(estimateEta({ samples, total: null, now: at(10) })).toBeNull();
    expect(estimateEta({ samples: samples.slice(0, 1), total: 100, now: at(10) })).toBeNull();
    expect(estimateEta({ samples, total: 100, now: at(10) })).toBeNull();
    expect(estimateEta({ samples: [{ at: at(0), current: 0 }, { at: at(5), current: 100 }], total: 100, now: at(5) })).toBeNull();
  });

  it("accepts samples in any order", () => {
    const eta = estimateEta({ samples: [{ at: at(10), current: 20 }, { at: at(0), current: 0 }], total: 40, now: at(10) });
    expect(eta?.remainingSeconds).toBe(10);
  });
});
