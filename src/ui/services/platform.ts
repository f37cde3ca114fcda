/**
 * True in iOS/iPadOS Safari when the app is not installed: there, storage of a site
 * can be evicted after 7 days without use, and the installed app's storage is separate.
 */
export function needsInstallOnIos(
  nav: Pick<Navigator, 'userAgent' | 'maxTouchPoints'> & { standalone?: boolean },
  displayStandalone: boolean,
): boolean {
  const ua = nav.userAgent;
  // iPadOS 13+ reports itself as a Mac; the touch points give it away.
  const appleMobile = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && nav.maxTouchPoints > 1);
  if (!appleMobile) return false;
  const installed = displayStandalone || nav.standalone === true;
  return !installed;
}
