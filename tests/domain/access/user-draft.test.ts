import { describe, expect, it } from 'vitest';
import { checkUserDraft, parseRoomsText, roomsToText } from '../../../src/domain/access/user-draft';

describe('rooms typed as text', () => {
  it('reads grade labels and room names, dropping repeats', () => {
    expect(parseRoomsText('ป.1/1, ป.1/2,ม.2/10, ป.1/1')).toEqual([
      { grade: '04', room: '1' },
      { grade: '04', room: '2' },
      { grade: '11', room: '10' },
    ]);
    expect(
      roomsToText([
        { grade: '04', room: '1' },
        { grade: '11', room: '10' },
      ]),
    ).toBe('ป.1/1, ม.2/10');
  });
  it('refuses anything that is not grade/room', () => {
    expect(parseRoomsText('ป.1')).toBeNull();
    expect(parseRoomsText('ป.9/1')).toBeNull();
    expect(parseRoomsText('')).toEqual([]);
  });
});

describe('the add-user form', () => {
  const base = { name: 'ครูสมใจ', role: 'teacher' as const, pin: '256901', pinAgain: '256901', roomsText: 'ป.1/1' };
  it('accepts a teacher with rooms', () => {
    expect(checkUserDraft(base)).toEqual({ ok: true, rooms: [{ grade: '04', room: '1' }] });
  });
  it('needs a name, a 6–8 digit PIN typed twice alike, and rooms for a teacher', () => {
    expect(checkUserDraft({ ...base, name: ' ', pin: '12', roomsText: '' })).toEqual({
      ok: false,
      problems: [
        { field: 'name', rule: 'user.name' },
        { field: 'pin', rule: 'user.pin' },
        { field: 'rooms', rule: 'user.rooms' },
      ],
    });
    expect(checkUserDraft({ ...base, pinAgain: '256902' })).toMatchObject({
      ok: false,
      problems: [{ field: 'pinAgain' }],
    });
    // Issue 18: a 4-digit PIN guarded the data key and the director's signing key.
    for (const role of ['director', 'officer', 'teacher'] as const) {
      expect(checkUserDraft({ ...base, role, pin: '2569', pinAgain: '2569' })).toMatchObject({
        ok: false,
        problems: [{ field: 'pin', rule: 'user.pin' }],
      });
    }
  });
  it('gives officers and directors the whole school, whatever rooms were typed', () => {
    expect(checkUserDraft({ ...base, role: 'officer', roomsText: '' })).toEqual({ ok: true, rooms: [] });
  });
});
