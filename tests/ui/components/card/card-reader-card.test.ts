import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import CardReaderCard from '../../../../src/ui/screens/settings/CardReaderCard.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';

beforeEach(() => {
  localStorage.setItem('tabian.cardBridge', JSON.stringify({ port: 9, token: null }));
  i18n.set('th');
});
afterEach(() => {
  cleanup();
  globalThis.__tabianFakeCard = undefined;
  localStorage.clear();
});

describe('Settings → card reader', () => {
  it('says honestly that nothing works in a plain browser, and how to set up the bridge', async () => {
    render(CardReaderCard);
    await waitFor(() => expect(screen.getByTestId('way-bridge')).toHaveTextContent('ยังไม่ได้เปิดโปรแกรมเชื่อม'), {
      timeout: 4000,
    });
    expect(screen.getByTestId('way-smart-card')).toHaveTextContent('ไม่มีในเบราว์เซอร์นี้');
    expect(screen.getByTestId('way-usb')).toHaveTextContent('เบราว์เซอร์นี้ไม่มี WebUSB');
    // School staff see no terminal commands: the install steps are on the IT helper's page.
    const card = screen.getByTestId('card-reader-card');
    expect(card).not.toHaveTextContent(/npm|sudo|apt-get|tabian --/);
    expect(card.querySelector('pre')).toBeNull();
    expect(screen.getByTestId('bridge-help')).toHaveAttribute('href', 'help/card-bridge.html');
  });
  it('checks the pairing code format before asking the bridge', async () => {
    render(CardReaderCard);
    await fireEvent.input(screen.getByLabelText('รหัสจับคู่ (15 หลัก)'), { target: { value: '12a' } });
    await fireEvent.click(screen.getByTestId('bridge-pair'));
    expect(await screen.findByText('ใส่ตัวเลข 15 หลัก (เว้นวรรคได้)')).toBeInTheDocument();
  });
  it('test-reads the demo card into the preview, and clears it', async () => {
    globalThis.__tabianFakeCard = { api: 'smart-card' };
    render(CardReaderCard);
    await waitFor(() => expect(screen.getByTestId('way-smart-card')).toHaveTextContent('ใช้ได้'), { timeout: 4000 });
    await fireEvent.click(screen.getByTestId('read-card'));
    await waitFor(() => expect(screen.getByTestId('preview-idNo')).toHaveTextContent('1-1017-00012-34-4'), {
      timeout: 4000,
    });
    expect(screen.getByTestId('preview-firstName')).toHaveTextContent('สมหญิง');
    expect(screen.getByTestId('preview-birthDate')).toHaveTextContent('20 มีนาคม 2562');
    await fireEvent.click(screen.getByTestId('card-clear'));
    expect(screen.getByTestId('preview-idNo')).toHaveTextContent('—');
  });
});
