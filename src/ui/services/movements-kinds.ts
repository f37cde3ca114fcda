// The movement kinds offered in the form: arrivals, then one choice per DMC leaving cause.
import { codeList } from '../../domain/codes';
import { kindOfCause, type MovementKind } from '../../domain/year/movement';
import { t, type MessageKey } from '../i18n/i18n.svelte';
import { th } from '../i18n/th';

export interface KindChoice {
  id: string;
  kind: MovementKind;
  cause: string | null;
  label: string;
}

export function kindChoices(): KindChoice[] {
  return [
    { id: 'transfer-in', kind: 'transfer-in', cause: null, label: t('movement.kind.transfer-in') },
    ...codeList('leavingCause').map((cause) => {
      const kind = kindOfCause(cause);
      const own = kind !== 'withdrawal';
      return {
        id: own ? kind : `withdrawal-${cause}`,
        kind,
        cause: own ? null : cause,
        label: own ? kindLabel(kind) : causeLabel(cause),
      };
    }),
  ];
}

/** The label of a DMC leaving cause; a code this version does not know shows as it is. */
export function causeLabel(cause: string): string {
  const key = `movement.cause.${cause}`;
  return key in th ? t(key as MessageKey) : cause;
}

export const kindLabel = (kind: MovementKind): string => t(`movement.kind.${kind}`);
