/**
 * A new version is applied only when the user agrees and no form holds unsaved input,
 * because reloading under a half-filled form would lose it.
 */
class UpdateState {
  available = $state(false);
  offlineReady = $state(false);
  // A plain set plus a reactive count: forms update it from effects, which must not read what they write.
  private readonly dirtyForms = new Set<string>();
  private unsaved = $state(0);
  private apply: ((reload?: boolean) => Promise<void>) | null = null;

  get hasUnsaved(): boolean {
    return this.unsaved > 0;
  }

  /** Forms call this with their own name while they hold unsaved input. */
  markDirty(form: string, dirty: boolean): void {
    if (dirty) this.dirtyForms.add(form);
    else this.dirtyForms.delete(form);
    this.unsaved = this.dirtyForms.size;
  }

  attach(apply: (reload?: boolean) => Promise<void>): void {
    this.apply = apply;
  }

  async reload(): Promise<boolean> {
    if (this.hasUnsaved || !this.apply) return false;
    await this.apply(true);
    return true;
  }
}

export const updates = new UpdateState();
