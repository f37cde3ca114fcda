// Thai texts of the data-safety status in the shell: storage persistence, the last backup and reminders.
export const safetyTh = {
  'safety.label': 'ความปลอดภัยของข้อมูล',
  'safety.persisted': 'ข้อมูลถาวร',
  'safety.not_persisted': 'ข้อมูลอาจถูกลบ',
  'safety.persist_unknown': 'ไม่ทราบสถานะการจัดเก็บ',
  'safety.persisted_hint': 'เบราว์เซอร์จะไม่ลบข้อมูลในเครื่องนี้เอง',
  'safety.not_persisted_hint': 'เบราว์เซอร์อาจลบข้อมูลในเครื่องนี้เมื่อพื้นที่เหลือน้อย จึงต้องสำรองข้อมูลไว้เสมอ',
  'safety.last_backup': 'สำรองล่าสุด {date}',
  'safety.never': 'ยังไม่เคยสำรองข้อมูล',
  'safety.usage': 'ใช้พื้นที่ {percent}%',
  'safety.go_backup': 'ไปที่การสำรองข้อมูล',
  'safety.more': 'ดูทั้งหมด',
  'safety.less': 'ย่อ',
  'safety.reminder.storage-full':
    'พื้นที่เก็บข้อมูลในเครื่องเต็ม บันทึกข้อมูลใหม่ไม่ได้ ข้อมูลที่บันทึกไว้แล้วยังอยู่ครบ กรุณาสำรองข้อมูลแล้วเพิ่มพื้นที่ว่างในเครื่อง',
  'safety.reminder.storage-nearly-full':
    'พื้นที่เก็บข้อมูลใกล้เต็ม (ใช้ไปแล้ว {percent}%) กรุณาสำรองข้อมูลและเพิ่มพื้นที่ว่างในเครื่องก่อนบันทึกข้อมูลจำนวนมาก',
  'safety.reminder.not-persisted': 'เบราว์เซอร์อาจลบข้อมูลในเครื่องนี้เมื่อพื้นที่เหลือน้อย กรุณาสำรองข้อมูลไว้เสมอ',
  'safety.reminder.never-backed-up': 'ยังไม่เคยสำรองข้อมูล ตอนนี้มีข้อมูลที่บันทึกแล้ว {n} รายการ กรุณาสำรองข้อมูล',
  'safety.reminder.deadline': 'อีก {days} วันจะถึงกำหนดส่งข้อมูล{round} ปีการศึกษา {year} กรุณาสำรองข้อมูลก่อน',
  'safety.reminder.deadline_today': 'วันนี้เป็นวันกำหนดส่งข้อมูล{round} ปีการศึกษา {year} กรุณาสำรองข้อมูลก่อน',
  'safety.reminder.many-changes': 'มีข้อมูลเปลี่ยนแปลง {n} รายการหลังการสำรองครั้งล่าสุด กรุณาสำรองข้อมูล',
  'safety.reminder.backup-old': 'สำรองข้อมูลครั้งล่าสุดเมื่อ {days} วันก่อน และมีข้อมูลเปลี่ยนแปลงหลังจากนั้น กรุณาสำรองข้อมูล',
};
