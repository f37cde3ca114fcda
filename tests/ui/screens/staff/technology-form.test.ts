import { describe, expect, it } from 'vitest';
import { technologySchema, type Technology } from '../../../../src/domain/staff/technology';
import { TechnologyForm, zeroed } from '../../../../src/ui/screens/staff/technology-form.svelte';

const blank = (asOf: string): Technology => technologySchema.parse({ asOf });

describe('the technology form', () => {
  it('says "saved" only while the draft holds what the last save stored', async () => {
    const stored: Technology[] = [];
    const form = new TechnologyForm({
      load: (asOf) => Promise.resolve({ record: blank(asOf), carried: '2568-06-10' }),
      save: (r) => {
        stored.push(r);
        return Promise.resolve({ ...r, recordedBy: 'ครูเอ' });
      },
    });
    await form.load('2026-06-10');
    expect(form.carried).toBe('2568-06-10');
    expect(form.saved).toBe(false);
    form.draft!.tablets.working = 4;
    await form.save();
    expect(stored[0]!.tablets.working).toBe(4);
    expect(form.draft!.recordedBy).toBe('ครูเอ');
    expect(form.carried).toBeNull();
    expect(form.saved).toBe(true);
    form.draft!.tablets.working = 5;
    expect(form.saved).toBe(false);
    await form.load('2026-06-11');
    expect(form.saved).toBe(false);
  });

  it('keeps the draft and shows the problem when the save fails', async () => {
    const form = new TechnologyForm({
      load: (asOf) => Promise.resolve({ record: blank(asOf), carried: null }),
      save: () => Promise.reject(new Error('disk')),
    });
    await form.load('2026-06-10');
    await form.save();
    expect(form.saved).toBe(false);
    expect(form.task.problem).not.toBeNull();
    expect(form.draft).not.toBeNull();
  });

  it('counts an emptied box as none and drops the cost of a MOENet line', () => {
    const d = blank('2026-06-10');
    const emptied = {
      ...d,
      wifiPoints: null,
      tablets: { working: null, broken: 2 },
      connections: [{ ...d.connections[0], provider: 'x', moenet: true, monthlyBaht: 500 }],
    } as unknown as Technology;
    const z = zeroed(emptied);
    expect(z.wifiPoints).toBe(0);
    expect(z.tablets).toEqual({ working: 0, broken: 2 });
    expect(z.connections[0]!.monthlyBaht).toBeNull();
  });
});
