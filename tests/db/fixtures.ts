import { Blob as NodeBlob } from 'node:buffer';
import { expect } from 'vitest';
import type { TabianDb } from '../../src/db/database';
import type { SchoolProfile } from '../../src/domain/school';
import { newStudent } from '../../src/domain/student/schema';

/** What a database of each schema version held, written with that version's own tables, and what must survive. */
interface VersionFixture {
  profile: SchoolProfile;
  write(db: TabianDb): Promise<void>;
  check(db: TabianDb): Promise<void>;
}

const profileV1: SchoolProfile = {
  kind: 'school',
  version: 1,
  moeCode: '1050130001',
  smisCode: '50130001',
  nameTh: 'โรงเรียนบ้านทดสอบ',
  nameEn: 'Ban Thotsop School',
  districtOffice: { code: '5001', name: 'สพป.เชียงใหม่ เขต 1' },
  directorName: 'นางสมศรี ใจดี',
  levels: ['kindergarten', 'primary'],
  address: {
    houseNo: '99',
    moo: '3',
    road: '',
    provinceCode: 50,
    districtCode: 5001,
    subdistrictCode: 500101,
    postcode: '50200',
  },
  gps: { lat: 18.7883, lon: 98.9853, accuracyM: 12, source: 'device' },
  createdAt: '2026-11-23T03:00:00.000Z',
  updatedAt: '2026-11-23T03:00:00.000Z',
};

const studentV2 = newStudent('5f0c2c1e-0000-4000-8000-000000000001', {
  idType: 'I',
  idNo: '1112034563562',
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: 'F',
  birthDate: '2018-03-20',
  grade: '04',
  room: '1',
  studentNo: '1001',
});
const auditV2 = {
  id: 'a1',
  at: '2026-11-23T03:00:00.000Z',
  userId: 'u1',
  userName: 'ครูสมใจ',
  recordType: 'student',
  recordId: studentV2.id,
  action: 'create',
  changes: [{ field: 'firstName', from: null, to: 'มาลี' }],
  note: null,
};

export const fixturesByVersion: Record<number, VersionFixture> = {
  1: {
    profile: profileV1,
    async write(db) {
      await db.table('profile').put({ key: 'device', value: profileV1 });
      await db.table('settings').bulkPut([
        { key: 'locale', value: 'en' },
        { key: 'persistAskedAt', value: '2026-11-23T03:00:00.000Z' },
      ]);
    },
    async check(db) {
      expect(await db.table('profile').get('device')).toEqual({ key: 'device', value: profileV1 });
      expect(await db.table('settings').get('locale')).toEqual({ key: 'locale', value: 'en' });
    },
  },
  2: {
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[1]!.write(db);
      await db.table('students').put({ ...studentV2, updatedAt: '2026-11-23T03:00:00.000Z', revision: 1 });
      await db.table('rooms').put({ key: '04/1', grade: '04', room: '1' });
      await db.table('audit').put(auditV2);
      await db.table('dismissedPairs').put({ key: 'a|b', userId: 'u1', at: '2026-11-23T03:00:00.000Z' });
    },
    async check(db) {
      await fixturesByVersion[1]!.check(db);
      expect(await db.table('students').get(studentV2.id)).toEqual({
        ...studentV2,
        updatedAt: '2026-11-23T03:00:00.000Z',
        revision: 1,
      });
      expect(await db.table('students').where('[grade+room]').equals(['04', '1']).count()).toBe(1);
      expect(await db.table('rooms').get('04/1')).toEqual({ key: '04/1', grade: '04', room: '1' });
      expect(await db.table('audit').where('recordId').equals(studentV2.id).toArray()).toEqual([auditV2]);
      expect(await db.table('dismissedPairs').count()).toBe(1);
    },
  },
  3: {
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[2]!.write(db);
      for (const [table, row] of Object.entries(rowsV3)) await db.table(table).put(row);
    },
    async check(db) {
      await fixturesByVersion[2]!.check(db);
      for (const [table, row] of Object.entries(rowsV3)) {
        expect(await db.table(table).toArray()).toEqual([row]);
      }
    },
  },
  4: {
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[3]!.write(db);
      for (const [table, row] of Object.entries(rowsV4)) await db.table(table).put(row);
    },
    async check(db) {
      await fixturesByVersion[3]!.check(db);
      for (const [table, row] of Object.entries(rowsV4)) expect(await db.table(table).toArray()).toEqual([row]);
    },
  },
  5: {
    // Version 5 only drops the students' ID-number index (personal data may not sit in an index).
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[4]!.write(db);
    },
    async check(db) {
      await fixturesByVersion[4]!.check(db);
      expect(
        db
          .table('students')
          .schema.indexes.map((i) => i.name)
          .sort(),
      ).toEqual(['[grade+room]', 'status']);
    },
  },
  6: {
    // Version 6 adds the shared photo store and the poor-student screenings (decisions 0028, 0029).
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[5]!.write(db);
      await db.table('photos').put(photoV6);
      await db.table('screenings').put(screeningV6);
    },
    async check(db) {
      await fixturesByVersion[5]!.check(db);
      // Bytes come back as another realm's Uint8Array under fake-indexeddb: compare them as lists.
      const plain = (v: unknown) =>
        JSON.parse(
          JSON.stringify(v, (_k, x: unknown) => (ArrayBuffer.isView(x) ? [...(x as Uint8Array)] : x)),
        ) as unknown;
      expect(plain(await db.table('photos').get('ph1'))).toEqual(plain(photoV6));
      expect(await db.table('screenings').toArray()).toEqual([screeningV6]);
    },
  },
  7: {
    // Version 7 adds the staff roster and the technology records.
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[6]!.write(db);
      for (const [table, row] of Object.entries(rowsV7)) await db.table(table).put(row);
    },
    async check(db) {
      await fixturesByVersion[6]!.check(db);
      for (const [table, row] of Object.entries(rowsV7)) expect(await db.table(table).toArray()).toEqual([row]);
    },
  },
  8: {
    // Land, buildings and equipment: one row in each new store, as the app writes them.
    profile: profileV1,
    async write(db) {
      await fixturesByVersion[7]!.write(db);
      for (const [table, row] of Object.entries(rowsV8)) await db.table(table).put(row);
    },
    async check(db) {
      await fixturesByVersion[7]!.check(db);
      for (const [table, row] of Object.entries(rowsV8)) expect(await db.table(table).toArray()).toEqual([row]);
      expect(await db.table('buildings').where('year').equals(2569).count()).toBe(1);
    },
  },
};

const rowsV7: Record<string, Record<string, unknown>> = {
  staff: {
    schemaVersion: 1,
    id: 's1',
    idNo: '1112034563562',
    prefix: 'นาง',
    firstName: 'สมใจ',
    lastName: 'ใจดี',
    firstNameEn: 'Somjai',
    lastNameEn: 'Jaidee',
    sex: 'F',
    birthDate: '1980-05-01',
    personnelType: 'civil-teacher',
    position: 'ครู',
    standing: 'k2',
    positionNo: '1234',
    funding: 'budget',
    startedAtSchoolOn: '2015-05-16',
    startedServiceOn: '2005-05-16',
    education: { level: 'ปริญญาโท', major: 'คณิตศาสตร์' },
    subjects: ['คณิตศาสตร์'],
    classesTaught: ['04/1'],
    homerooms: ['04/1'],
    phone: '0812345678',
    movements: [{ id: 'sm1', kind: 'move-in', effectiveOn: '2015-05-16', school: 'โรงเรียนบ้านนา', reversedAt: null }],
    userId: 'u1',
    updatedAt: '2026-06-01T03:00:00.000Z',
    updatedBy: 'ครูสมใจ',
  },
  technology: {
    schemaVersion: 1,
    asOf: '2026-06-10',
    computers: {
      teaching: { obec: { working: 20, broken: 2 }, own: { working: 3, broken: 0 } },
      administration: { obec: { working: 4, broken: 0 }, own: { working: 1, broken: 1 } },
    },
    tablets: { working: 10, broken: 1 },
    connections: [{ provider: 'MOENet', type: 'fibre', downMbps: 100, upMbps: 50, moenet: true, monthlyBaht: null }],
    lan: true,
    wifi: true,
    wifiPoints: 4,
    recordedAt: '2026-06-10T03:00:00.000Z',
    recordedBy: 'ครูสมใจ',
  },
};

const photoV6 = {
  schemaVersion: 1,
  id: 'ph1',
  owner: { kind: 'screening', id: '2569/5f0c2c1e-0000-4000-8000-000000000001' },
  slot: 'outside',
  takenAt: '2026-06-12T09:30:00',
  width: 1600,
  height: 1200,
  mime: 'image/jpeg',
  bytes: new Uint8Array([1, 2, 3]),
  thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: new Uint8Array([4]) },
  size: 4,
};
const screeningV6 = {
  schemaVersion: 1,
  id: '2569/5f0c2c1e-0000-4000-8000-000000000001',
  studentId: '5f0c2c1e-0000-4000-8000-000000000001',
  academicYear: 2569,
  formVersion: 'ฉบับปรับปรุง 6 มีนาคม 2569',
  updatedAt: '2026-06-12T02:30:00.000Z',
  updatedBy: 'ครูสมใจ',
};

const rowsV8: Record<string, Record<string, unknown>> = {
  sites: {
    year: 2569,
    updatedAt: '2026-10-20T03:00:00.000Z',
    site: {
      schemaVersion: 1,
      land: { kind: 'royal-property', documentNo: 'ราชพัสดุ ชม.1234', area: { rai: 5, ngan: 2, wa: 40 } },
      electricity: 'การไฟฟ้าส่วนภูมิภาค',
      water: 'ประปาส่วนภูมิภาค',
      internet: 'ADSL (Broadband)',
      foundedOn: '1975-05-16',
      classrooms: 8,
      signPhoto: null,
      sitePlan: null,
      gps: { lat: 18.7883, lon: 98.9853, accuracyM: 12, source: 'device' },
    },
  },
  buildings: {
    key: '2569/b1',
    year: 2569,
    updatedAt: '2026-10-20T03:00:00.000Z',
    building: {
      schemaVersion: 1,
      id: 'b1',
      kind: 'b01',
      design: 'สปช. 101/26',
      name: 'อาคาร 1',
      roomsByDesign: 3,
      roomsActual: 3,
      specialRooms: 1,
      floors: 1,
      builtYearBE: 2527,
      budgetBaht: 450000,
      budgetSource: 'งบประมาณจากต้นสังกัด',
      condition: 'fair',
      inUse: true,
      note: '',
      photos: {},
      removedOn: null,
    },
  },
  equipmentCounts: {
    schemaVersion: 1,
    countedOn: '2026-10-01',
    items: [{ code: '22001', name: 'โต๊ะเก้าอี้นักเรียนประถมศึกษา', usable: 120, awaitingRepair: 6, awaitingDisposal: 2 }],
  },
  assetSurveys: {
    key: '2569/buildings',
    kind: 'buildings',
    academicYear: 2569,
    asOf: '2026-10-30',
    certification: null,
    confirmation: {
      userId: 'u1',
      userName: 'ครูสมใจ',
      role: 'officer',
      at: '2026-10-30T03:00:00.000Z',
      asOf: '2026-10-30',
    },
  },
};

const byV3 = { userId: 'u1', userName: 'ครูสมใจ' };
// Bundle files are Blobs; jsdom's Blob does not survive fake-indexeddb, Node's does (browsers store either).
const rowsV4: Record<string, Record<string, unknown>> = {
  measurements: {
    id: `ms1/${studentV2.id}`,
    studentId: studentV2.id,
    measuredOn: '2026-11-20',
    weightKg: 24.5,
    heightCm: 121.3,
    sessionId: 'ms1',
    by: 'u1',
    at: '2026-11-20T02:15:00.000Z',
  },
  measureSessions: {
    id: 'ms1',
    date: '2026-11-20',
    grade: '04',
    room: '1',
    userId: 'u1',
    userName: 'ครูสมใจ',
    order: 'number',
    startedAt: '2026-11-20T02:00:00.000Z',
    absent: [],
  },
  keys: {
    keyid: 'a'.repeat(64),
    role: 'director',
    userId: 'u1',
    name: 'นางสมศรี ใจดี',
    spki: 'AAAA',
    createdAt: '2026-11-23T03:00:00.000Z',
    signKey: null,
    decryptKey: null,
    retiredAt: null,
    wrapped: {
      format: 'tabian-wrapped-key/1',
      alg: 'PBKDF2-SHA256+A256GCM',
      iterations: 600_000,
      salt: 'AAAAAAAAAAAAAAAAAAAAAA==',
      iv: 'AAAAAAAAAAAAAAAA',
      wrapped: 'AAAA',
      keyid: 'a'.repeat(64),
      spki: 'AAAA',
    },
  },
  trust: {
    keyid: 'b'.repeat(64),
    alg: 'ES256',
    spki: 'AAAA',
    role: 'district',
    name: 'สพป.ทดสอบ',
    school: null,
    enrolledAt: '2026-11-23T03:00:00.000Z',
    enrolledBy: 'นายสมปอง ข้อมูลดี',
    source: 'file',
    revokedAt: null,
  },
  bundles: {
    id: 'c'.repeat(64),
    bundleId: '3b241101-e2bb-4255-8caf-4136c566a962',
    school: '1050130001',
    smis: '50130001',
    schoolName: 'โรงเรียนบ้านทดสอบ',
    kind: 'submission',
    direction: 'out',
    status: 'made',
    chain: '1050130001|submission',
    sequence: 1,
    previous: null,
    academicYear: 2569,
    round: 'term1',
    asOf: '2026-06-10',
    createdAt: '2026-06-10T09:00:00+07:00',
    keys: [],
    acts: ['confirm-existence', 'certify'],
    reason: null,
    detail: null,
    fileName: 'ส่งเขต-2569-term1-1.tabian',
    fileSha256: 'd'.repeat(64),
    size: 3,
    file: new NodeBlob([new Uint8Array([0x50, 0x4b, 0x05])]),
    receivedAt: '2026-06-10T02:00:00.000Z',
    summary: null,
    roster: null,
  },
  districtSchools: {
    code: '1050130001',
    smis: '50130001',
    name: 'โรงเรียนบ้านทดสอบ',
    source: 'list',
    updatedAt: '2026-11-23T03:00:00.000Z',
  },
  ops: {
    id: 'o1',
    store: 'measurements',
    recordId: studentV2.id,
    hlc: { wall: 1_790_000_000_000, counter: 0, device: 'd1' },
    field: 'health.weightKg',
    value: 24.5,
    by: 'u1',
  },
  findings: {
    id: `${'e'.repeat(64)}:id.duplicate:x|y`,
    studentId: studentV2.id,
    rule: 'id.duplicate',
    match: 'same-id',
    student: { idNo: '1112034563562', prefix: 'เด็กหญิง', firstName: 'มาลี', lastName: 'ใจดี' },
    otherSchool: { code: '1050130002', name: 'โรงเรียนบ้านนา' },
    reason: { th: 'เลขซ้ำ', en: 'same ID' },
    asOf: '2026-06-10',
    bundleId: 'e'.repeat(64),
    academicYear: 2569,
    round: 'term1',
    receivedAt: '2026-06-20T03:00:00.000Z',
  },
};

// One row in each store that version 3 added, in the shape the app writes them.
const rowsV3: Record<string, Record<string, unknown>> = {
  movements: {
    id: 'm1',
    studentId: studentV2.id,
    kind: 'transfer-out',
    effectiveOn: '2026-07-01',
    cause: 'transfer',
    reason: 'ย้ายตามผู้ปกครอง',
    school: 'โรงเรียนบ้านนา',
    districtConsultedOn: null,
    student: { prefix: 'เด็กหญิง', firstName: 'มาลี', lastName: 'ใจดี', sex: 'F', grade: '04', room: '1' },
    before: { status: 'active', enteredOn: null, grade: '04', room: '1' },
    recordedAt: '2026-07-01T03:00:00.000Z',
    recordedBy: byV3,
    reversedAt: null,
    reversedBy: null,
    reversalReason: null,
  },
  rounds: {
    key: '2569/term1',
    academicYear: 2569,
    round: 'term1',
    window: null,
    confirmation: null,
    certification: null,
  },
  attendance: {
    key: '2569/term1/04/1',
    academicYear: 2569,
    round: 'term1',
    grade: '04',
    room: '1',
    marks: { [studentV2.id]: 'present' },
    checkedAt: '2026-06-10T03:00:00.000Z',
    checkedBy: byV3,
  },
  results: {
    key: `2569/${studentV2.id}`,
    academicYear: 2569,
    studentId: studentV2.id,
    result: 'passed',
    recordedAt: '2027-03-10T03:00:00.000Z',
    recordedBy: byV3,
  },
  incoming: {
    id: 'i1',
    academicYear: 2570,
    student: newStudent('i1', {
      prefix: 'เด็กชาย',
      firstName: 'ต้นกล้า',
      lastName: 'ใจดี',
      sex: 'M',
      grade: '04',
      room: '1',
    }),
    addedAt: '2027-03-10T03:00:00.000Z',
    addedBy: byV3,
    enrolledAt: null,
  },
  importPresets: {
    id: 'p1',
    name: 'ไฟล์ของครูประจำชั้น',
    headers: ['ที่', 'เลขบัตร', 'ชื่อ-นามสกุล'],
    headerRow: 2,
    columns: { B: 'idNo', C: 'fullName' },
    savedAt: '2026-11-23T03:00:00.000Z',
  },
  corrections: {
    id: 'c1',
    studentId: studentV2.id,
    schoolCode: '1050130001',
    studentName: 'เด็กหญิงมาลี ใจดี',
    wrongId: '1112034563561',
    correctId: '1112034563562',
    note: '',
    status: 'drafted',
    createdAt: '2026-11-23T03:00:00.000Z',
    updatedAt: '2026-11-23T03:00:00.000Z',
    sentAt: null,
    correctedAt: null,
    evidence: [
      { id: 'e1', name: 'บัตร.jpg', type: 'image/jpeg', size: 3, bytes: new Uint8Array([0xff, 0xd8, 0xff]).buffer },
    ],
  },
};
