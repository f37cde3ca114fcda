// Thai is the source language: every key starts here, and en.ts must match it (the type checks).
import { studentsTh } from './students.th';
import { usersTh } from './users.th';
import { movementsTh } from './movements.th';
import { confirmTh } from './confirm.th';
import { reportsTh } from './reports.th';
import { exchangeTh } from './exchange.th';
import { measureTh } from './measure.th';
import { districtTh } from './district.th';
import { cardTh } from './card.th';
import { bundlesTh } from './bundles.th';
import { reasonsTh } from './reasons.th';
import { districtReportsTh } from './district-reports.th';
import { nationalTh } from './national.th';
import { vaultTh } from './vault.th';
import { safetyTh } from './safety.th';
import { mergeTh } from './merge.th';
import { journeyTh } from './journey.th';
import { findingsTh } from './findings.th';
import { transferTh } from './transfer.th';
import { assetsTh } from './assets.th';
import { photosTh } from './photos.th';
import { screeningTh } from './screening.th';
import { staffTh } from './staff.th';
import { photoBundlesTh } from './photo-bundles.th';
import { sheetsTh } from './sheets.th';

const coreTh = {
  'app.name': 'ทะเบียน',
  'app.tagline': 'ทะเบียนนักเรียนรายบุคคล ใช้งานได้แม้ไม่มีอินเทอร์เน็ต',
  'app.loading': 'กำลังเปิดแอป…',
  'app.screen_loading': 'กำลังเปิดหน้านี้…',
  'app.screen_failed': 'เปิดหน้านี้ไม่สำเร็จ กรุณาโหลดหน้าใหม่ ข้อมูลที่บันทึกไว้ยังอยู่ครบ',
  'app.skip': 'ข้ามไปยังเนื้อหา',

  'setup.title': 'ตั้งค่าเครื่องนี้ครั้งแรก',
  'setup.question': 'เครื่องนี้ใช้ที่ไหน',
  'setup.school': 'โรงเรียน',
  'setup.school.hint': 'บันทึกข้อมูลนักเรียน ยืนยัน รับรอง และส่งข้อมูลให้เขตพื้นที่',
  'setup.district': 'สำนักงานเขตพื้นที่การศึกษา (สพท.)',
  'setup.district.hint': 'รับข้อมูลจากโรงเรียน ตรวจสอบ รวม และหานักเรียนซ้ำซ้อน',
  'setup.back': 'ย้อนกลับ',
  'setup.save': 'บันทึก',
  'setup.saving': 'กำลังบันทึก…',
  'setup.fix_errors': 'กรุณาแก้ไขช่องที่มีเครื่องหมายก่อนบันทึก',

  'school.section.identity': 'ข้อมูลโรงเรียน',
  'school.section.address': 'ที่ตั้งโรงเรียน',
  'school.moe_code': 'รหัสโรงเรียน (10 หลัก)',
  'school.smis_code': 'รหัส SMIS (8 หลัก)',
  'school.name_th': 'ชื่อโรงเรียน (ภาษาไทย)',
  'school.name_en': 'ชื่อโรงเรียน (ภาษาอังกฤษ)',
  'school.district_office': 'สังกัดสำนักงานเขตพื้นที่การศึกษา',
  'school.district_office.placeholder': 'เช่น สพป.เชียงใหม่ เขต 1',
  'school.district_office_code': 'รหัสเขตพื้นที่ (ถ้าทราบ)',
  'school.director': 'ชื่อผู้อำนวยการโรงเรียน',
  'school.levels': 'ระดับที่เปิดสอน',
  'level.kindergarten': 'อนุบาล',
  'level.primary': 'ประถมศึกษา',
  'level.lower-secondary': 'มัธยมศึกษาตอนต้น',
  'level.upper-secondary': 'มัธยมศึกษาตอนปลาย',
  'level.vocational': 'ปวช.',
  'address.house_no': 'เลขที่',
  'address.moo': 'หมู่ที่',
  'address.road': 'ถนน/ซอย',
  'address.province': 'จังหวัด',
  'address.district': 'อำเภอ/เขต',
  'address.subdistrict': 'ตำบล/แขวง',
  'address.postcode': 'รหัสไปรษณีย์',
  'address.choose': '— เลือก —',
  'address.loading': 'กำลังโหลดรายชื่อจังหวัด อำเภอ ตำบล…',
  'gps.title': 'พิกัดที่ตั้ง (GPS)',
  'gps.lat': 'ละติจูด',
  'gps.lon': 'ลองจิจูด',
  'gps.use_device': 'ใช้ตำแหน่งจากเครื่องนี้',
  'gps.locating': 'กำลังหาตำแหน่ง…',
  'gps.from_device': 'ได้จากเครื่อง ความคลาดเคลื่อนประมาณ {m} เมตร',
  'gps.denied': 'ไม่ได้รับอนุญาตให้ใช้ตำแหน่ง กรุณาพิมพ์พิกัดเอง',
  'gps.unavailable': 'หาตำแหน่งไม่ได้ในขณะนี้ กรุณาพิมพ์พิกัดเอง',
  'gps.optional': 'ไม่บังคับ: เว้นว่างได้ถ้ายังไม่ทราบ',

  'district.code': 'รหัสสำนักงานเขตพื้นที่การศึกษา',
  'district.name': 'ชื่อสำนักงานเขตพื้นที่การศึกษา',
  'district.name.placeholder': 'เช่น สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1',

  'rule.school.moe_code': 'รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก',
  'rule.school.smis_code': 'รหัส SMIS ต้องเป็นตัวเลข 8 หลัก',
  'rule.school.name_th': 'กรุณากรอกชื่อโรงเรียนภาษาไทย',
  'rule.school.district_office': 'กรุณากรอกชื่อสำนักงานเขตพื้นที่ที่สังกัด',
  'rule.school.director': 'กรุณากรอกชื่อผู้อำนวยการ',
  'rule.school.levels': 'เลือกระดับที่เปิดสอนอย่างน้อยหนึ่งระดับ',
  'rule.address.province_missing': 'กรุณาเลือกจังหวัด',
  'rule.address.district_missing': 'กรุณาเลือกอำเภอ/เขต',
  'rule.address.subdistrict_missing': 'กรุณาเลือกตำบล/แขวง',
  'rule.address.postcode': 'รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก',
  'rule.gps.outside_thailand': 'พิกัดอยู่นอกประเทศไทย กรุณาตรวจสอบ (ละติจูด 5–21, ลองจิจูด 97–106)',
  'rule.gps.incomplete': 'กรอกทั้งละติจูดและลองจิจูด หรือเว้นว่างทั้งสองช่อง',
  'rule.district.code': 'รหัสเขตพื้นที่ต้องเป็นตัวเลข 2–10 หลัก',
  'rule.district.name': 'กรุณากรอกชื่อสำนักงานเขตพื้นที่',
  'rule.invalid': 'ข้อมูลในช่องนี้ไม่ถูกต้อง',

  'nav.home': 'หน้าแรก',
  'nav.students': 'นักเรียน',
  'nav.movements': 'การเคลื่อนย้าย',
  'nav.measure': 'ชั่งน้ำหนัก/วัดส่วนสูง',
  'nav.confirm': 'ยืนยัน/รับรองข้อมูล',
  'nav.exchange': 'ส่งออก/นำเข้า',
  'nav.reports': 'รายงาน',
  'nav.settings': 'ตั้งค่า',
  'nav.schools': 'โรงเรียนในสังกัด',
  'nav.import': 'นำเข้าข้อมูลโรงเรียน',
  'nav.duplicates': 'นักเรียนซ้ำซ้อน',
  'nav.menu': 'เมนู',

  'notyet.title': 'ส่วนนี้ยังไม่เปิดใช้งาน',
  'notyet.body': '“{place}” ยังอยู่ระหว่างการพัฒนา ยังไม่มีข้อมูลหรือการทำงานใดในหน้านี้ ข้อมูลที่บันทึกไว้ในส่วนอื่นไม่ได้รับผลกระทบ',

  'home.year': 'ปีการศึกษา {year}',
  'home.rounds': 'รอบการรายงานข้อมูล DMC',
  'home.as_of': 'ข้อมูล ณ วันที่ {date}',
  'home.window': 'ช่วงเก็บข้อมูล {opens} – {deadline}',
  'home.state.past': 'ผ่านไปแล้ว',
  'home.state.open': 'กำลังเก็บข้อมูล',
  'home.state.upcoming': 'ยังไม่ถึง',
  'home.next_deadline': 'กำหนดส่งครั้งถัดไป',
  'home.days_left': 'เหลืออีก {n} วัน',
  'home.due_today': 'ครบกำหนดวันนี้',
  'home.today': 'วันนี้ {date}',
  'home.deadline_of': '{round} ปีการศึกษา {year} ส่งภายใน {date}',

  'settings.language': 'ภาษา / Language',
  'settings.storage': 'พื้นที่จัดเก็บข้อมูลในเครื่อง',
  'settings.persisted': 'เบราว์เซอร์สัญญาว่าจะไม่ลบข้อมูลเอง',
  'settings.not_persisted': 'เบราว์เซอร์ยังไม่รับปากว่าจะเก็บข้อมูลถาวร อาจลบข้อมูลได้เมื่อพื้นที่เครื่องเหลือน้อย ควรสำรองข้อมูลสม่ำเสมอ',
  'settings.persist_unknown': 'เบราว์เซอร์นี้ไม่บอกสถานะการเก็บข้อมูลถาวร',
  'settings.ask_persist': 'ขอให้เก็บข้อมูลถาวร',
  'settings.usage': 'ใช้ไปแล้ว {used} จากที่เบราว์เซอร์ให้ใช้ประมาณ {quota}',
  'settings.usage_unknown': 'เบราว์เซอร์นี้ไม่บอกขนาดพื้นที่ที่ใช้',
  'settings.profile': 'ข้อมูลเครื่องนี้',
  'settings.edit_profile': 'แก้ไขข้อมูลโรงเรียน',
  'settings.device_kind': 'ใช้งานแบบ',
  'settings.version': 'รุ่นของแอป {version}',
  'settings.refresh': 'ตรวจสอบอีกครั้ง',
  'settings.updated': 'บันทึกล่าสุด {date}',

  'update.ready': 'มีแอปรุ่นใหม่พร้อมใช้งาน',
  'update.reload': 'โหลดรุ่นใหม่',
  'update.later': 'ภายหลัง',
  'update.unsaved': 'มีข้อมูลที่ยังไม่ได้บันทึก กรุณาบันทึกก่อน แล้วจึงโหลดรุ่นใหม่',
  'offline.ready': 'แอปพร้อมใช้งานแบบออฟไลน์แล้ว',

  'ios.title': 'ใช้งานบน iPhone/iPad: กรุณาติดตั้งแอปก่อนบันทึกข้อมูล',
  'ios.body':
    'ใน Safari ข้อมูลของเว็บที่ยังไม่ได้ติดตั้งอาจถูกลบเมื่อไม่ได้เปิดใช้ 7 วัน และแอปที่ติดตั้งแล้วเก็บข้อมูลแยกจาก Safari กด “แชร์” แล้วเลือก “เพิ่มไปยังหน้าจอโฮม” จากนั้นเปิดทะเบียนจากไอคอนบนหน้าจอโฮม',
  'ios.dismiss': 'เข้าใจแล้ว',

  'error.storage.full': 'พื้นที่จัดเก็บในเครื่องเต็ม บันทึกไม่สำเร็จ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ครบ กรุณาลบไฟล์ที่ไม่ใช้ในเครื่องแล้วลองอีกครั้ง',
  'error.storage.newer_version':
    'ฐานข้อมูลในเครื่องนี้สร้างโดยแอปรุ่นที่ใหม่กว่า แอปรุ่นนี้จึงไม่เปิดเพื่อไม่ให้ข้อมูลเสียหาย กรุณาโหลดหน้าใหม่เพื่อใช้รุ่นล่าสุด',
  'error.storage.unavailable': 'เบราว์เซอร์ไม่อนุญาตให้เก็บข้อมูลในเครื่อง (เช่น โหมดส่วนตัว) กรุณาเปิดแอปในหน้าต่างปกติ',
  'error.storage.failed': 'บันทึกหรืออ่านข้อมูลในเครื่องไม่สำเร็จ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ กรุณาลองอีกครั้ง',
  'error.retry': 'ลองอีกครั้ง',

  'kind.school': 'โรงเรียน',
  'kind.district': 'สำนักงานเขตพื้นที่การศึกษา',
  'common.yes': 'ใช่',
  'common.no': 'ไม่ใช่',
  'common.cancel': 'ยกเลิก',
};

export const th = {
  ...coreTh,
  ...studentsTh,
  ...usersTh,
  ...movementsTh,
  ...confirmTh,
  ...reportsTh,
  ...exchangeTh,
  ...cardTh,
  ...measureTh,
  ...districtTh,
  ...bundlesTh,
  ...vaultTh,
  ...safetyTh,
  ...mergeTh,
  ...journeyTh,
  ...findingsTh,
  ...transferTh,
  ...reasonsTh,
  ...districtReportsTh,
  ...photosTh,
  ...nationalTh,
  ...assetsTh,
  ...screeningTh,
  ...staffTh,
  ...photoBundlesTh,
  ...sheetsTh,
};
export type MessageKey = keyof typeof th;
