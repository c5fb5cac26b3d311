/* Injected before content.js on hosts the user added from the popup (a Mastodon instance,
 * generic mode; see SCRIPT_FILES in worker.js). The wasm is web-accessible only on the
 * manifest's sites, so that no other page can detect Sincerely by loading it: here a
 * content script cannot fetch it, in Chrome or in Firefox, and goes straight to the
 * worker instead of failing first. */
'use strict';

var sincerelyAddedHost = true;
