// The round the district screens look at, shared by its places so the officer picks it once.
import { knownRounds, roundKeyOf, type RoundRef } from '../../services/district.service';

class DistrictRound {
  rounds = $state<RoundRef[]>([]);
  selected = $state<RoundRef | null>(null);

  async load(): Promise<void> {
    this.rounds = await knownRounds();
    const kept = this.selected && this.rounds.find((r) => roundKeyOf(r) === roundKeyOf(this.selected!));
    this.selected = kept ?? this.rounds.find((r) => r.academicYear > 0) ?? null;
  }

  select(key: string): void {
    this.selected = this.rounds.find((r) => roundKeyOf(r) === key) ?? this.selected;
  }
}

export const districtRound = new DistrictRound();
