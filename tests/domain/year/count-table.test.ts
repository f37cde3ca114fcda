import { describe, expect, it } from 'vitest';
import { countTable } from '../../../src/domain/year/count-table';

describe('the round report table', () => {
  it('lists rooms, grade and level subtotals and the total, split by sex', () => {
    const rows = [
      { grade: '04', room: '2', sex: 'M' },
      { grade: '04', room: '1', sex: 'F' },
      { grade: '04', room: '10', sex: 'F' },
      { grade: '05', room: '1', sex: null },
      { grade: '03', room: '1', sex: 'M' },
      { grade: null, room: '', sex: 'F' },
    ] as const;
    const { lines, noGrade } = countTable(rows);
    const text = lines.map((l) => {
      const name =
        l.kind === 'room'
          ? `${l.grade}/${l.room}`
          : l.kind === 'grade'
            ? `Σ${l.grade}`
            : l.kind === 'level'
              ? `Σ${l.level}`
              : 'ΣΣ';
      return `${name} ${l.M}/${l.F}/${l.unknown}=${l.total}`;
    });
    expect(text).toEqual([
      '03/1 1/0/0=1',
      'Σ03 1/0/0=1',
      'Σkindergarten 1/0/0=1',
      '04/1 0/1/0=1',
      '04/2 1/0/0=1',
      '04/10 0/1/0=1',
      'Σ04 1/2/0=3',
      '05/1 0/0/1=1',
      'Σ05 0/0/1=1',
      'Σprimary 1/2/1=4',
      'ΣΣ 2/3/1=6',
    ]);
    expect(noGrade).toEqual({ M: 0, F: 1, unknown: 0, total: 1 });
    expect(lines.at(-1)).toMatchObject({ kind: 'total', rooms: 5 });
  });
});
