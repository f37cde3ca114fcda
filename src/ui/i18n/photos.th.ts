// The shared photo field and the photos' share of storage (decision 0028).
export const photosTh = {
  'photos.take': 'ถ่ายภาพ',
  'photos.retake': 'ถ่ายใหม่',
  'photos.choose': 'เลือกจากเครื่อง',
  'photos.delete': 'ลบภาพ',
  'photos.deleted': 'ลบภาพแล้ว',
  'photos.undo': 'เอาคืน',
  'photos.compressing': 'กำลังย่อขนาดภาพ…',
  'photos.thumb_alt': '{label} ถ่ายเมื่อ {date}',
  'photos.not_a_picture': 'เปิดไฟล์นี้เป็นภาพไม่ได้ กรุณาถ่ายใหม่ หรือเลือกไฟล์ภาพ JPEG หรือ PNG',
  'photos.compress_failed': 'ย่อขนาดภาพไม่สำเร็จ กรุณาลองอีกครั้ง',
  'photos.storage_full':
    'พื้นที่ในเครื่องเต็ม ภาพนี้จึงยังไม่ได้บันทึก แต่ยังเก็บไว้ในหน้านี้ กรุณาลบไฟล์หรือแอปที่ไม่ใช้ในเครื่อง แล้วกด “บันทึกภาพอีกครั้ง” (อย่าปิดหน้านี้)',
  'photos.retry': 'บันทึกภาพอีกครั้ง',
  'photos.drop': 'ไม่ใช้ภาพนี้',
  'photos.usage': 'ภาพถ่าย {count} ภาพ ใช้พื้นที่ {size}',
  'photos.usage_none': 'ยังไม่มีภาพถ่ายในเครื่องนี้',
};
