// The arithmetic of the charts: axis ticks, linear scales, stacks and label thinning. Pure functions, unit-tested
// in tests/unit/chart-scale.test.ts.

const niceFactors = [1, 2, 2.5, 5, 10];

/** The smallest "nice" step (1, 2, 2.5 or 5 times a power of ten) not below `raw`; whole numbers when `integer`. */
export function niceStep(raw: number, integer = false): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of niceFactors) {
    const step = factor * magnitude;
    if (step + magnitude * 1e-9 < raw) continue;
    if (integer && !Number.isInteger(step)) continue;
    return step;
  }
  return 10 * magnitude;
}

/** Rounds away floating-point noise (0.30000000000000004) to the step's own precision. */
function roundToStep(value: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 1);
  return Number(value.toFixed(decimals));
}

export type Ticks = { ticks: number[]; min: number; max: number; step: number };

/**
 * About `count` evenly spaced round ticks from 0 (or from below 0 when the data is negative) to at least `max`:
 * the last tick is the top of the axis, so the tallest bar always fits.
 */
export function niceTicks(dataMax: number, { count = 5, integer = false, dataMin = 0 }: { count?: number; integer?: boolean; dataMin?: number } = {}): Ticks {
  const low = Math.min(0, Number.isFinite(dataMin) ? dataMin : 0);
  let high = Math.max(low, Number.isFinite(dataMax) ? dataMax : 0);
  if (high === low) high = low + (integer ? Math.max(1, count - 1) : 1);
  const step = niceStep((high - low) / Math.max(1, count - 1), integer);
  const min = roundToStep(Math.floor(low / step) * step, step);
  const max = roundToStep(Math.ceil(high / step - 1e-9) * step, step);
  const ticks: number[] = [];
  for (let index = 0; min + index * step <= max + step * 1e-9; index++) ticks.push(roundToStep(min + index * step, step));
  return { ticks, min, max, step };
}

/** A linear map from [domainMin, domainMax] onto [rangeStart, rangeEnd]; an empty domain maps to rangeStart. */
export function linearScale(domainMin: number, domainMax: number, rangeStart: number, rangeEnd: number): (value: number) => number {
  const span = domainMax - domainMin;
  if (span === 0) return () => rangeStart;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}

export type StackSegment = { key: string; value: number; start: number; end: number };

/** Each row's values piled up in the order of `keys` (missing values count as 0), with the row's total. */
export function stackRows(rows: Record<string, number | undefined>[], keys: string[]): { segments: StackSegment[]; total: number }[] {
  return rows.map((row) => {
    let total = 0;
    const segments = keys.map((key) => {
      const value = row[key] ?? 0;
      const segment = { key, value, start: total, end: total + value };
      total += value;
      return segment;
    });
    return { segments, total };
  });
}

/** Show every n-th of `count` labels so that at most `maxLabels` remain. */
export function labelStep(count: number, maxLabels: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
}

/**
 * Steps for the category labels of a narrow (phone) and a wide chart: the narrow one is a multiple of the wide one,
 * so the labels a phone shows are a subset of the desktop's and switching between them is a CSS container query.
 */
export function labelSteps(count: number, { wide = 10, narrow = 4 }: { wide?: number; narrow?: number } = {}): { wide: number; narrow: number } {
  const wideStep = labelStep(count, wide);
  return { wide: wideStep, narrow: wideStep * Math.ceil(labelStep(count, narrow) / wideStep) };
}

/** Position of band `index` of `count` as a percentage of the width: its start, centre and the bar's width. */
export function band(index: number, count: number, padding: number): { start: number; centre: number; width: number } {
  const size = 100 / Math.max(1, count);
  const width = size * (1 - padding);
  return { start: index * size + (size - width) / 2, centre: (index + 0.5) * size, width };
}
