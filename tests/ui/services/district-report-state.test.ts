// The two district report services share their loaded report and this session's computed nutrition
// through a module of their own: neither imports the other (no import circle).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ComputedNutrition } from '../../../src/ui/services/district-report-state';

const importsOf = (file: string): string[] =>
  [...readFileSync(`${process.cwd()}/src/ui/services/${file}`, 'utf8').matchAll(/^import .* from '(.*)';$/gm)].map(
    (m) => m[1]!,
  );

describe('district report state', () => {
  it('is shared without the reports and nutrition services importing each other', () => {
    expect(importsOf('district-reports.service.ts')).not.toContain('./district-nutrition.service');
    expect(importsOf('district-nutrition.service.ts')).not.toContain('./district-reports.service');
    expect(importsOf('district-reports.service.ts')).toContain('./district-report-state');
    expect(importsOf('district-nutrition.service.ts')).toContain('./district-report-state');
  });

  it('keeps what was computed, by bundle, including "no measurements"', () => {
    const cache = new ComputedNutrition();
    expect(cache.get('b1')).toBeUndefined();
    cache.set('b1', null);
    expect(cache.get('b1')).toBeNull();
  });
});
