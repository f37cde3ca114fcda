import type { Page } from 'playwright-core';

// Steps that several end-to-end tests share, written as a user would do them.

export const school = {
  moe: '1050130001', smis: '50130001', nameTh: 'โรงเรียนบ้านทดสอบ', nameEn: 'Ban Thotsop School',
  office: 'สพป.เชียงใหม่ เขต 1', director: 'นางสมศรี ใจดี',
};

export async function chooseSchool(page: Page): Promise<void> {
  await page.getByTestId('kind-school').click();
  await page.getByTestId('school-form').waitFor();
}

export async function fillSchoolProfile(page: Page): Promise<void> {
  await page.fill('#moe', school.moe);
  await page.fill('#smis', school.smis);
  await page.fill('#name-th', school.nameTh);
  await page.fill('#name-en', school.nameEn);
  await page.fill('#office', school.office);
  await page.fill('#director', school.director);
  await page.getByLabel('ประถมศึกษา', { exact: true }).check();
  await page.fill('#addr-house', '99');
  await page.fill('#addr-moo', '3');
  await page.selectOption('#addr-province', { label: 'เชียงใหม่' });
  await page.selectOption('#addr-district', { label: 'เมืองเชียงใหม่' });
  await page.selectOption('#addr-subdistrict', { label: 'ศรีภูมิ' });
}

export async function saveProfile(page: Page): Promise<void> {
  await page.getByTestId('save-profile').click();
  await page.getByTestId('device-title').waitFor();
}

/** Resolves once the service worker has installed and precached the whole app. */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (reg.active?.state !== 'activated') {
      await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => resolve()));
    }
  });
}
