import type { OurFigure } from './our-figure';
import figures from './reference-figures.json';
import type { Unit } from './units';

// The figures published by teams who built this same system (the load-test issue's table), each
// with the write-up and the line(s) it was read from. Values are as printed in their k6 output,
// in milliseconds.

export interface ReferenceSource {
  /** The write-up's file name among the reference write-ups */
  file: string;
  /** Its heading, in its own language */
  title: string;
  about: string;
}

export interface ReferenceFigure {
  /** The reference scenario, as the table names it. */
  scenario: string;
  what: string;
  value: number;
  unit: Unit;
  better: 'lower' | 'higher';
  /** A target is a line they aimed for (met or missed), not a figure they measured (beaten or not). */
  isTarget: boolean;
  source: string;
  note?: string;
  /** The source's line(s) the value was read from */
  quote: { line: number; text: string }[];
  ours: OurFigure;
}

export const referenceSources: Record<string, ReferenceSource> = figures.sources;

// A JSON import types its strings as string; the units and directions are checked by the tests.
export const referenceFigures = figures.figures as ReferenceFigure[];
