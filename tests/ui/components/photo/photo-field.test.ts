// The shared photo field with fake ports: take, progress, thumbnail with date, delete and undo, and the
// full-disk path that keeps the compressed picture for "try again".
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { StorageError } from '../../../../src/db/errors';
import { photoSchema, type Photo, type PhotoInput } from '../../../../src/domain/photo/schema';
import { NotAPictureError } from '../../../../src/io/photo/compress';
import PhotoField from '../../../../src/ui/components/photo/PhotoField.svelte';
import type { PhotoPorts } from '../../../../src/ui/services/photos.service';

const owner = { kind: 'screening', id: '2569/s1' } as const;
const prepared = (id: string): PhotoInput => ({
  id,
  owner,
  slot: 'outside',
  takenAt: '2026-06-12T09:30:00',
  width: 1600,
  height: 1200,
  mime: 'image/jpeg',
  bytes: new Uint8Array([1, 2, 3]),
  thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: new Uint8Array([4]) },
});

function fakePorts(stored: Photo[] = []) {
  const db = new Map(stored.map((p) => [p.id, p]));
  let n = 0;
  const ports = {
    list: vi.fn(() => Promise.resolve([...db.values()])),
    prepare: vi.fn((_o, _s, _f, onStep?: (f: number) => void) => {
      onStep?.(0.5);
      return Promise.resolve(prepared(`p${++n}`));
    }),
    store: vi.fn((p: PhotoInput) => {
      const photo = photoSchema.parse(p);
      db.set(photo.id, photo);
      return Promise.resolve(photo);
    }),
    remove: vi.fn((id: string) => {
      db.delete(id);
      return Promise.resolve();
    }),
  };
  return { ports: ports as unknown as PhotoPorts & typeof ports, db };
}
const file = () => new File([new Uint8Array([0xff, 0xd8])], 'home.jpg', { type: 'image/jpeg' });
const take = (f: File) => fireEvent.change(screen.getByTestId('photo-take'), { target: { files: [f] } });

afterEach(() => cleanup());

describe('PhotoField', () => {
  it('takes a photo: compressed, stored, shown with its Buddhist Era date, reported to the form', async () => {
    const { ports, db } = fakePorts();
    const onchange = vi.fn();
    render(PhotoField, { owner, slot: 'outside', label: 'ภาพถ่ายภายนอกบ้าน', ports, onchange });
    await take(file());
    await waitFor(() => expect(screen.getByTestId('photo-date').textContent).toBe('12 มิ.ย. 2569 09:30'));
    expect(db.size).toBe(1);
    expect(onchange).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'p1' })]);
    expect(screen.getByAltText('ภาพถ่ายภายนอกบ้าน ถ่ายเมื่อ 12 มิ.ย. 2569 09:30')).toBeTruthy();
    expect(screen.getByText('ถ่ายใหม่')).toBeTruthy();
  });

  it('replaces the photo of a one-photo slot, and undo brings the old one back', async () => {
    const { ports, db } = fakePorts([photoSchema.parse(prepared('old'))]);
    render(PhotoField, { owner, slot: 'outside', label: 'ภายนอก', ports });
    await waitFor(() => expect(screen.getAllByTestId('photo-date')).toHaveLength(1));
    await take(file());
    await waitFor(() => expect([...db.keys()]).toEqual(['p1']));
    await fireEvent.click(await screen.findByTestId('photo-undo'));
    await waitFor(() => expect([...db.keys()]).toEqual(['old']));
    expect(screen.getAllByTestId('photo-date')).toHaveLength(1);
  });

  it('deletes with undo', async () => {
    const { ports, db } = fakePorts([photoSchema.parse(prepared('old'))]);
    render(PhotoField, { owner, slot: 'outside', label: 'ภายนอก', ports });
    await waitFor(() => screen.getByText('ลบภาพ'));
    await fireEvent.click(screen.getByText('ลบภาพ'));
    await waitFor(() => expect(db.size).toBe(0));
    expect(screen.queryAllByTestId('photo-date')).toHaveLength(0);
    await fireEvent.click(await screen.findByTestId('photo-undo'));
    await waitFor(() => expect(db.size).toBe(1));
  });

  it('keeps the compressed picture when the disk is full, says so in Thai, and stores it on "try again"', async () => {
    const { ports, db } = fakePorts();
    const realStore = ports.store.getMockImplementation()!;
    ports.store.mockImplementationOnce(() =>
      Promise.reject(new StorageError('storage.full', new Error('QuotaExceededError'))),
    );
    render(PhotoField, { owner, slot: 'outside', label: 'ภายนอก', ports });
    await take(file());
    await waitFor(() => expect(screen.getByTestId('photo-problem').textContent).toMatch(/พื้นที่ในเครื่องเต็ม/));
    expect(db.size).toBe(0);
    ports.store.mockImplementation(realStore);
    await fireEvent.click(await screen.findByText('บันทึกภาพอีกครั้ง'));
    await waitFor(() => expect(db.size).toBe(1));
    expect(ports.prepare).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('photo-problem')).toBeNull();
  });

  it('says a file that is not a picture cannot be used', async () => {
    const { ports } = fakePorts();
    ports.prepare.mockImplementationOnce(() => Promise.reject(new NotAPictureError(new Error('decode'))));
    render(PhotoField, { owner, slot: 'outside', label: 'ภายนอก', ports });
    await take(file());
    await waitFor(() => expect(screen.getByTestId('photo-problem').textContent).toMatch(/เปิดไฟล์นี้เป็นภาพไม่ได้/));
  });
});
