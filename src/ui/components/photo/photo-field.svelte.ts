// One photo slot's state: what is stored, a picture being compressed (with progress), a compressed picture
// the disk refused (kept for "try again"), and the last deletion (for "undo").
import { NotAPictureError } from '../../../io/photo/compress';
import type { Photo, PhotoInput, PhotoOwner } from '../../../domain/photo/schema';
import type { MessageKey } from '../../i18n/th';
import { problemKey } from '../../services/errors';
import type { PhotoPorts } from '../../services/photos.service';

export class PhotoFieldState {
  photos = $state<Photo[]>([]);
  /** 0–1 while a picture is being compressed and stored. */
  progress = $state<number | null>(null);
  problem = $state<MessageKey | null>(null);
  /** Compressed but not stored (the disk was full): kept until stored or dropped. */
  pending = $state<PhotoInput | null>(null);
  /** Just deleted: can be put back. */
  removed = $state<Photo[]>([]);

  constructor(
    private readonly ports: PhotoPorts,
    readonly owner: PhotoOwner,
    readonly slot: string,
    /** At most this many photos in the slot; a new one beyond it replaces the oldest (which can be undone). */
    readonly max: number,
    private readonly changed: (photos: Photo[]) => void = () => {},
  ) {}

  async load(): Promise<void> {
    try {
      this.photos = (await this.ports.list(this.owner)).filter((p) => p.slot === this.slot);
    } catch (e) {
      this.problem = problemKey(e);
    }
  }

  async add(file: File): Promise<void> {
    this.problem = null;
    this.progress = 0;
    try {
      this.pending = await this.ports.prepare(this.owner, this.slot, file, (f) => (this.progress = f * 0.9));
    } catch (e) {
      this.progress = null;
      this.problem = e instanceof NotAPictureError ? 'photos.not_a_picture' : 'photos.compress_failed';
      return;
    }
    await this.storePending();
  }

  /** Stores the compressed picture waiting in memory (again after "storage full"). */
  async storePending(): Promise<void> {
    const photo = this.pending;
    if (!photo) return;
    this.problem = null;
    this.progress = 0.95;
    try {
      const stored = await this.ports.store(photo);
      this.pending = null;
      const over = [...this.photos, stored].length - this.max;
      const replaced = over > 0 ? this.photos.slice(0, over) : [];
      for (const old of replaced) await this.ports.remove(old.id);
      this.removed = replaced;
      this.photos = [...this.photos.slice(replaced.length), stored];
      this.changed(this.photos);
    } catch (e) {
      const key = problemKey(e);
      this.problem = key === 'error.storage.full' ? 'photos.storage_full' : key;
    } finally {
      this.progress = null;
    }
  }

  dropPending(): void {
    this.pending = null;
    this.problem = null;
  }

  async remove(id: string): Promise<void> {
    const photo = this.photos.find((p) => p.id === id);
    if (!photo) return;
    try {
      await this.ports.remove(id);
      this.removed = [photo];
      this.photos = this.photos.filter((p) => p.id !== id);
      this.changed(this.photos);
    } catch (e) {
      this.problem = problemKey(e);
    }
  }

  /** Puts back what the last deletion or replacement removed. */
  async undo(): Promise<void> {
    const back = this.removed;
    if (!back.length) return;
    try {
      for (const p of back) await this.ports.store(p);
      const replacedBy = this.photos.length + back.length > this.max ? this.photos.slice(-1) : [];
      for (const p of replacedBy) await this.ports.remove(p.id);
      this.photos = [...back, ...this.photos.filter((p) => !replacedBy.includes(p))].slice(0, this.max);
      this.removed = [];
      this.changed(this.photos);
    } catch (e) {
      this.problem = problemKey(e);
    }
  }
}
