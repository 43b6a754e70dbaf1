/* global Office */
// Ribbon commands. The ribbon button only opens the taskpane (ShowTaskpane in the manifest),
// so nothing is registered here yet; the page must still call Office.onReady.
Office.onReady(() => undefined);
