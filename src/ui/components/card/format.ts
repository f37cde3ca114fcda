// Card and record values as the diff and the preview show them.
import type { AreaIndex } from '../../../domain/areas/areas';
import { formatCitizenId } from '../../../domain/ids';
import type { CardAddressPatch, CardField, CardPatch } from '../../../domain/card/to-student';
import { formatThaiDate } from '../../../domain/thai-date';
import { i18n, t } from '../../i18n/i18n.svelte';

function addressText(a: CardAddressPatch, areas: AreaIndex | null): string {
  const th = i18n.locale === 'th';
  const name = (x: { nameTh: string; nameEn: string } | undefined) => (x ? (th ? x.nameTh : x.nameEn) : '');
  const parts = [
    a.houseNo,
    a.moo && t('card.address.moo', { moo: a.moo }),
    a.road,
    name(a.subdistrictCode ? areas?.subdistrict(a.subdistrictCode) : undefined),
    name(a.districtCode ? areas?.district(a.districtCode) : undefined),
    name(a.provinceCode ? areas?.province(a.provinceCode) : undefined),
    a.postcode,
  ];
  return parts.filter((p) => p).join(' ');
}

export function formatCardValue(field: CardField, value: CardPatch[CardField] | null, areas: AreaIndex | null): string {
  if (value === null || value === '') return t('card.empty');
  if (field === 'address') return addressText(value as CardAddressPatch, areas) || t('card.empty');
  if (field === 'sex') return t(value === 'M' ? 'card.sex.M' : 'card.sex.F');
  if (field === 'birthDate') return formatThaiDate(value as string, i18n.locale, 'long');
  if (field === 'idNo') return formatCitizenId(value as string);
  return String(value);
}
