import { describe, expect, it } from 'vitest';
import { needsInstallOnIos } from '../../../src/ui/services/platform';

const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1';
const ipadOs = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15';
const android = 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 Chrome/126.0 Safari/537.36';

describe('iOS install notice', () => {
  it('is shown in Safari on iPhone and on iPadOS that poses as a Mac', () => {
    expect(needsInstallOnIos({ userAgent: iphone, maxTouchPoints: 5 }, false)).toBe(true);
    expect(needsInstallOnIos({ userAgent: ipadOs, maxTouchPoints: 5 }, false)).toBe(true);
  });
  it('is not shown once installed, on a real Mac, or on Android', () => {
    expect(needsInstallOnIos({ userAgent: iphone, maxTouchPoints: 5 }, true)).toBe(false);
    expect(needsInstallOnIos({ userAgent: iphone, maxTouchPoints: 5, standalone: true }, false)).toBe(false);
    expect(needsInstallOnIos({ userAgent: ipadOs, maxTouchPoints: 0 }, false)).toBe(false);
    expect(needsInstallOnIos({ userAgent: android, maxTouchPoints: 5 }, false)).toBe(false);
  });
});
