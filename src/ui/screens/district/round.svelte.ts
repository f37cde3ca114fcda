// The round the district screens look at, shared by its places so the officer picks it once.
import { knownRounds, roundKeyOf, type RoundChoice, type RoundRef } from '../../services/district.service';

class DistrictRound {
  rounds = $state<RoundChoice[]>([]);
  selected = $state<RoundRef | null>(null);
  private picked = false;

  async load(): Promise<void> {
    this.rounds = await knownRounds();
    const kept =
      this.picked && this.selected ? this.rounds.find((r) => roundKeyOf(r) === roundKeyOf(this.selected!)) : undefined;
    // The newest round with submissions, until the officer picks another; else the calendar's.
    this.selected = kept ?? this.rounds.find((r) => r.schools > 0) ?? this.rounds[0] ?? null;
  }

  select(key: string): void {
    this.selected = this.rounds.find((r) => roundKeyOf(r) === key) ?? this.selected;
    this.picked = true;
  }
}

export const districtRound = new DistrictRound();
