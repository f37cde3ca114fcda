// What AskFirst shows and does: one question at a time; the step runs only after "yes".
export interface Question {
  question: string;
  yes: string;
  run: () => Promise<void> | void;
}

export class AskingFirst {
  current = $state<Question | null>(null);

  ask(q: Question): void {
    this.current = q;
  }
  async yes(): Promise<void> {
    const q = this.current;
    this.current = null;
    await q?.run();
  }
  cancel(): void {
    this.current = null;
  }
}
