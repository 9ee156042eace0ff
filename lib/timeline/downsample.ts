// Keeps a chart series small: at most `max` points, evenly spread, first and last always kept.
export function downsample<T>(points: T[], max: number): T[] {
  if (points.length <= max || max < 2) return points;
  const step = (points.length - 1) / (max - 1);
  const picked: T[] = [];
  for (let i = 0; i < max; i += 1) picked.push(points[Math.round(i * step)]);
  return picked;
}
