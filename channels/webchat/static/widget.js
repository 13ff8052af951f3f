/* The council chat loader: <script src="https://ASSISTANT/webhooks/webchat/widget.js" async></script>
   adds a "Chat with us" launcher; the conversation runs in an iframe of the assistant's origin,
   so the page's CSS and scripts can't reach it. Only the page's path is passed, never its query. */
(() => {
  'use strict';
  if (window.councilChatWidget) return; // the tag is on the page twice
  const CONFIG = /*CONFIG*/{};
  const me = document.currentScript;
  const ORIGIN = new URL(me && me.src ? me.src : '/', location.href).origin;
  const PANEL = `${ORIGIN}/webhooks/webchat/panel`;
  const STATE_KEY = 'councilChat.widget'; // this tab only: {started, open, unread}; no personal data
  const READY_WAIT_MS = 15000;
  const c = CONFIG.colours || {};
  const name = CONFIG.name || 'the council';
  const sites = CONFIG.sites || [];

  if (location.origin !== ORIGIN && sites.indexOf(location.origin) < 0) {
    // eslint-disable-next-line no-console
    console.warn(`Council chat: ${location.origin} is not one of the council's sites in website.yml.`);
    return;
  }

  function readState() {
    try { return JSON.parse(sessionStorage.getItem(STATE_KEY) || '{}') || {}; } catch (e) { return {}; }
  }
  const state = Object.assign({ started: false, open: false, unread: 0 }, readState());
  function saveState() {
    try {
      sessionStorage.setItem(STATE_KEY, JSON.stringify({ started: state.started, open: state.open, unread: state.unread }));
    } catch (e) { /* storage off: the chat still works on this page */ }
  }

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.launcher {
  position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 0.5rem;
  min-width: 3rem; min-height: 3rem; margin: 0; padding: 0.625rem 1.125rem;
  border: 2px solid ${c.brand_text || '#ffffff'}; border-radius: 1.5rem;
  background: ${c.brand || '#1d70b8'}; color: ${c.brand_text || '#ffffff'};
  font: 700 1.1875rem/1.25 arial, sans-serif; cursor: pointer;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.35);
}
.launcher:hover { text-decoration: underline; text-decoration-thickness: 0.125rem; }
.launcher:focus-visible { outline: 3px solid ${c.focus || '#ffdd00'}; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
.badge {
  display: inline-block; min-width: 1.5rem; padding: 0 0.375rem; border-radius: 0.75rem;
  background: #ffffff; color: #0b0c0c; font-size: 1rem; line-height: 1.5rem; text-align: center;
}
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.panel {
  position: fixed; right: 1rem; bottom: 5rem; z-index: 2147483001;
  width: min(25rem, calc(100vw - 2rem)); height: min(42rem, calc(100vh - 6rem));
  border: 2px solid #0b0c0c; background: #ffffff; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3);
  opacity: 0; transform: translateY(1rem);
  transition: opacity 0.2s ease-out, transform 0.2s ease-out;
}
.panel.is-open { opacity: 1; transform: none; }
.panel iframe { display: block; width: 100%; height: 100%; border: 0; }
.panel__problem { margin: 0; padding: 1rem; color: #0b0c0c; background: #ffffff; font: 1.1875rem/1.3 arial, sans-serif; }
@media (max-width: 40em), (max-height: 30em) {
  .panel { top: 0; right: 0; bottom: 0; left: 0; width: 100%; height: 100%; border: 0; }
}
@media (prefers-reduced-motion: reduce) {
  .panel { transition: none; transform: none; }
}`;

  const host = document.createElement('div');
  host.setAttribute('data-council-chat', '');
  const root = host.attachShadow({ mode: 'open' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch (e) { // older browsers: a <style> element (a strict style-src may block it)
    const style = document.createElement('style');
    style.textContent = CSS;
    root.appendChild(style);
  }

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'council-chat-panel');
  launcher.setAttribute('data-testid', 'chat-launcher');
  const label = document.createElement('span');
  label.textContent = CONFIG.label || 'Chat with us';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.setAttribute('aria-hidden', 'true');
  badge.setAttribute('data-testid', 'unread-count');
  const badgeSr = document.createElement('span');
  badgeSr.className = 'sr';
  launcher.append(label, badge, badgeSr);

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'council-chat-panel';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', `Chat with ${name}`);
  panel.setAttribute('data-testid', 'chat-panel');
  panel.hidden = true;
  root.append(launcher, panel);

  let frame = null;
  let ready = false;
  let focusWhenReady = false;
  let readyTimer = 0;

  function showUnread() {
    const n = state.open ? 0 : state.unread;
    badge.hidden = badgeSr.hidden = n <= 0;
    badge.textContent = n > 0 ? String(n) : '';
    badgeSr.textContent = n > 0 ? `, ${n} unread message${n === 1 ? '' : 's'}` : '';
  }

  function tell(message) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage(message, ORIGIN);
  }

  function createFrame() {
    frame = document.createElement('iframe');
    frame.title = `Chat with ${name}`;
    frame.setAttribute('data-testid', 'chat-frame');
    frame.setAttribute('referrerpolicy', 'no-referrer');
    // Only the path: a page's query string can hold a resident's details.
    frame.src = `${PANEL}#page=${encodeURIComponent(location.pathname).replace(/%2F/g, "/")}`;
    panel.appendChild(frame);
    readyTimer = setTimeout(() => {
      if (ready) return;
      const p = document.createElement('p');
      p.className = 'panel__problem';
      p.setAttribute('role', 'alert');
      p.textContent = "Sorry, the chat isn't available right now. Please try again later.";
      panel.insertBefore(p, frame);
    }, READY_WAIT_MS);
  }

  function focusPanel() {
    if (!ready) { focusWhenReady = true; return; }
    frame.focus();
    tell({ type: 'council-chat:focus' });
  }

  function open(withFocus) {
    if (!frame) createFrame();
    state.started = true;
    state.open = true;
    state.unread = 0;
    saveState();
    panel.hidden = false;
    void panel.offsetWidth; // start the transition from the closed position
    panel.classList.add('is-open');
    launcher.setAttribute('aria-expanded', 'true');
    showUnread();
    tell({ type: 'council-chat:shown', open: true });
    if (withFocus) focusPanel();
  }

  function minimise(withFocus) {
    state.open = false;
    saveState();
    panel.classList.remove('is-open');
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    showUnread();
    tell({ type: 'council-chat:shown', open: false });
    if (withFocus) launcher.focus();
  }

  launcher.addEventListener('click', () => (state.open ? minimise(false) : open(true)));

  window.addEventListener('message', (ev) => {
    if (!frame || ev.source !== frame.contentWindow || ev.origin !== ORIGIN) return;
    const m = ev.data || {};
    if (m.type === 'council-chat:ready') {
      ready = true;
      clearTimeout(readyTimer);
      tell({ type: 'council-chat:shown', open: state.open });
      if (focusWhenReady) { focusWhenReady = false; focusPanel(); }
    } else if (m.type === 'council-chat:minimise') {
      minimise(true);
    } else if (m.type === 'council-chat:unread' && typeof m.count === 'number') {
      state.unread = state.open ? 0 : Math.max(0, Math.min(99, Math.floor(m.count)));
      saveState();
      showUnread();
    }
  });

  function start() {
    document.body.appendChild(host);
    showUnread();
    // The conversation goes on across the site's pages: bring the panel back as it was.
    if (state.started) {
      if (state.open) open(false); else { createFrame(); }
    }
  }

  window.councilChatWidget = { open: () => open(true), minimise: () => minimise(true) };
  if (document.body) start(); else document.addEventListener('DOMContentLoaded', start);
})();
