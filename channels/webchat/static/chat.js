/* Resident webchat page: talks to the webchat channel's JSON API under /webhooks/webchat.
   Message text is only ever added with createTextNode / textContent, never as HTML. */
'use strict';

(() => {
  const BASE = '/webhooks/webchat';
  const MAX_LENGTH = 2000;
  const COUNTER_FROM = 1800; // show the character counter from this many characters
  const POLL_MS = 3000;
  const POLL_SLOW_MS = 10000; // tab hidden, or the last poll failed
  const TIMEOUT_MS = 30000;
  const SESSION_KEY = 'councilWebchat.sessionId';
  const DRAFT_KEY = 'councilWebchat.draft';
  const SEND_FAILED = "Sorry, we couldn't send that. Check your connection and try again.";
  const LABELS = { bot: 'Assistant', advisor: 'Advisor', resident: 'You', system: 'Note' };
  const HUMAN = { payload: '/request_human', title: 'Talk to a person' };

  const $ = (id) => document.getElementById(id);
  const el = {
    log: $('message-log'), input: $('message-input'), send: $('send-button'), form: $('composer'),
    hint: $('input-hint'), counter: $('char-count'), counterSr: $('char-count-sr'), typing: $('typing'),
    talk: $('talk-to-person'), councilName: $('council-name'), notice: $('assistant-notice'),
    contact: $('contact'), phone: $('phone-link'), hours: $('hours'),
  };
  const state = {
    sessionId: null, sessionPromise: null,
    cursor: 0, // highest message id fetched by polling; webhook replies don't move it
    historyLoaded: false, // until then, show the resident's own messages from the server (page reload)
    shown: new Set(), inFlight: 0, queue: Promise.resolve(),
    pollTimer: 0, polling: false, pollFailed: false, counterTimer: 0,
  };

  function save(key, value) {
    try {
      if (value) sessionStorage.setItem(key, value); else sessionStorage.removeItem(key);
    } catch (e) { /* storage can be disabled; the chat still works until a reload */ }
  }
  function load(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }

  // Creates an element. props: className, text (set with textContent), data (dataset), attrs.
  function make(tag, props, children) {
    const node = document.createElement(tag);
    const p = props || {};
    if (p.className) node.className = p.className;
    if (p.text !== undefined) node.textContent = p.text;
    Object.keys(p.data || {}).forEach((k) => { node.dataset[k] = p.data[k]; });
    Object.keys(p.attrs || {}).forEach((k) => { node.setAttribute(k, p.attrs[k]); });
    (children || []).forEach((c) => node.appendChild(c));
    return node;
  }

  function newClientId() {
    const c = window.crypto;
    if (c && typeof c.randomUUID === 'function') return c.randomUUID();
    const b = new Uint8Array(16);
    if (c && c.getRandomValues) c.getRandomValues(b); else b.forEach((_, i) => { b[i] = Math.random() * 256; });
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80; // version 4, RFC 4122 variant
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // Resolves to {status, ok, data}; rejects only on a network error or time-out.
  async function api(method, path, body) {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), TIMEOUT_MS);
    const headers = body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' };
    try {
      const res = await fetch(BASE + path, {
        method, headers, credentials: 'same-origin', cache: 'no-store', signal: ctrl.signal,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await res.json().catch(() => null);
      return { status: res.status, ok: res.ok, data: data && typeof data === 'object' ? data : {} };
    } finally { clearTimeout(timer); }
  }

  const messagesPath = (after) => `/messages?session_id=${encodeURIComponent(state.sessionId)}&after=${after}`;
  const telHref = (phone) => 'tel:' + String(phone).replace(/\(0\)/g, '').replace(/[^\d+]/g, '');

  // ---- turning text into safe DOM ----
  // Group 1: a web address. Group 2: something shaped like a UK phone number.
  const LINK_RE = /(https?:\/\/[^\s<>"]+)|((?:\+44\s?(?:\(0\)\s?)?|\b0)\d{2,4}(?:[ -]?\d{3,4}){1,2}\b)/gi;

  function trimUrl(url) {
    let u = url;
    while (/[.,;:!?'")\]]$/.test(u)) {
      // Keep a closing bracket that belongs to the address, e.g. ".../Foo_(bar)".
      if (u.endsWith(')') && u.split('(').length >= u.split(')').length) break;
      u = u.slice(0, -1);
    }
    return u;
  }

  // 0 and 9 or 10 more digits, or +44 and 10 digits (a "(0)" after +44 is ignored).
  const isUkPhone = (token) => /^(?:44\d{10}|0\d{9,10})$/.test(token.replace(/\(0\)/g, '').replace(/\D/g, ''));

  function appendLinkedText(parent, text) {
    let last = 0, m;
    LINK_RE.lastIndex = 0;
    while ((m = LINK_RE.exec(text)) !== null) {
      const token = m[1] ? trimUrl(m[1]) : m[0];
      let a;
      if (m[1] && /^https?:\/\/[^/\s]/i.test(token)) {
        a = make('a', { text: token, attrs: { href: token, rel: 'noopener noreferrer', target: '_blank' } },
          [make('span', { className: 'visually-hidden', text: ' (opens in a new tab)' })]);
      } else if (m[2] && isUkPhone(token)) {
        a = make('a', { text: token, attrs: { href: telHref(token) } });
      } else continue;
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(a);
      last = m.index + token.length;
      LINK_RE.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function formatTime(iso) {
    const d = new Date(iso || '');
    return isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  // ---- the message log ----
  const scrollToEnd = () => { el.log.scrollTop = el.log.scrollHeight; };
  const disableQuickReplies = (scope) => (scope || el.log).querySelectorAll('.quick-reply')
    .forEach((b) => { b.disabled = true; });

  function addQuickReplies(item, buttons) {
    const valid = (Array.isArray(buttons) ? buttons : []).filter(
      (b) => b && typeof b.title === 'string' && b.title.trim() && typeof b.payload === 'string');
    if (!valid.length) return;
    const group = make('div', {
      className: 'quick-replies', attrs: { role: 'group', 'aria-label': 'Suggested replies' } });
    valid.forEach((b) => {
      const btn = make('button', {
        className: 'quick-reply', text: b.title, data: { testid: 'quick-reply' }, attrs: { type: 'button' } });
      btn.addEventListener('click', () => {
        disableQuickReplies(group);
        send({ payload: b.payload, title: b.title });
        el.input.focus();
      });
      group.appendChild(btn);
    });
    item.appendChild(group);
  }

  // Adds one message to the log and returns its element.
  function addMessage(sender, text, opts) {
    const o = opts || {};
    const kind = Object.prototype.hasOwnProperty.call(LABELS, sender) ? sender : 'system';
    if (kind === 'bot') disableQuickReplies();
    const data = { testid: 'message', sender: kind };
    if (o.id !== undefined && o.id !== null) data.id = String(o.id);
    const item = make('div', { className: `msg msg--${kind}`, data });
    const who = make('p', { className: 'msg__who' },
      [make('span', { className: kind === 'system' ? 'visually-hidden' : 'msg__name', text: LABELS[kind] })]);
    const time = formatTime(o.createdAt);
    if (time) {
      who.appendChild(document.createTextNode(' '));
      who.appendChild(make('time', { className: 'msg__time', text: time, attrs: { datetime: o.createdAt } }));
    }
    const body = make('p', { className: 'msg__text' });
    if (kind === 'resident') body.textContent = text || '';
    else appendLinkedText(body, String(text || ''));
    item.appendChild(make('div', { className: 'msg__bubble' }, [who, body]));
    if (kind === 'bot') addQuickReplies(item, o.buttons);
    el.log.appendChild(item);
    scrollToEnd();
    return item;
  }

  function showMessages(list, opts) {
    if (!Array.isArray(list)) return;
    list.filter((m) => m && typeof m === 'object')
      .sort((a, b) => (Number(a.id) || 0) - (Number(b.id) || 0))
      .forEach((m) => {
        if (m.id !== undefined && m.id !== null) {
          if (state.shown.has(String(m.id))) return;
          state.shown.add(String(m.id));
          if (opts.advance && Number(m.id) > state.cursor) state.cursor = Number(m.id);
        }
        // Our own messages are echoed locally as they are sent.
        if (m.sender === 'resident' && !opts.includeResident) return;
        addMessage(m.sender, m.text, { id: m.id, buttons: m.buttons, createdAt: m.created_at });
      });
  }

  // ---- sessions ----
  function forgetSession() {
    Object.assign(state, { sessionId: null, cursor: 0 });
    state.shown.clear();
    save(SESSION_KEY, null);
  }

  async function createSession() {
    try {
      const r = await api('POST', '/session', {});
      const sid = r.ok && r.data.session_id;
      if (typeof sid !== 'string' || !sid) {
        // e.g. 429, too many chats from this connection: the server's words give a number to call.
        const failed = new Error(`HTTP ${r.status}`);
        failed.serverMessage = typeof r.data.error === 'string' ? r.data.error.trim() : '';
        throw failed;
      }
      state.sessionId = sid;
      state.historyLoaded = true;
      save(SESSION_KEY, state.sessionId);
      showMessages(r.data.messages, { advance: true });
      return state.sessionId;
    } finally { state.sessionPromise = null; }
  }

  // One session request at a time, however many callers need it.
  const ensureSession = () => (state.sessionId ? Promise.resolve(state.sessionId)
    : (state.sessionPromise = state.sessionPromise || createSession()));

  // After a reload: show the conversation so far, or start again if the server forgot it.
  async function restoreSession(id) {
    state.sessionId = id;
    const r = await api('GET', messagesPath(0));
    if (r.status === 404) {
      forgetSession();
      await ensureSession();
    } else if (r.ok) {
      showMessages(r.data.messages, { advance: true, includeResident: true });
      state.historyLoaded = true;
    } // otherwise polling loads the history later
  }

  // ---- polling for advisor (and other late) messages ----
  function schedulePoll(delay) {
    clearTimeout(state.pollTimer);
    const wait = delay !== undefined ? delay : (document.hidden || state.pollFailed ? POLL_SLOW_MS : POLL_MS);
    state.pollTimer = setTimeout(poll, wait);
  }

  async function poll() {
    if (state.polling) return; // the poll under way schedules the next one
    state.polling = true;
    try {
      const sid = state.sessionId;
      const r = sid ? await api('GET', messagesPath(state.cursor)) : null;
      if (!sid || (r.status === 404 && sid === state.sessionId)) {
        if (sid) forgetSession();
        await ensureSession();
      } else if (sid !== state.sessionId) { // the session changed while we waited: a stale answer
      } else if (r.ok) {
        showMessages(r.data.messages, { advance: true, includeResident: !state.historyLoaded });
        state.historyLoaded = true;
      } else {
        throw new Error(`Poll failed (HTTP ${r.status})`);
      }
      state.pollFailed = false;
    } catch (e) { state.pollFailed = true; }
    state.polling = false;
    schedulePoll();
  }

  // ---- sending ----
  function updateBusy() {
    const busy = state.inFlight > 0;
    el.send.disabled = busy;
    el.typing.textContent = busy ? 'Assistant is typing…' : '';
    el.typing.classList.toggle('is-active', busy);
  }

  function showFailure(item, text) {
    const retry = make('button', {
      className: 'button button--small', text: 'Retry', data: { testid: 'retry-button' }, attrs: { type: 'button' } });
    const box = make('div', { className: 'msg__error' }, [make('p', { text }), retry]);
    retry.addEventListener('click', () => {
      box.remove();
      el.input.focus();
      enqueue(item); // same client_message_id, so the server can drop a duplicate
    });
    item.echo.appendChild(box);
    scrollToEnd();
  }

  async function deliver(item, renewed) {
    let sid, r;
    try {
      sid = await ensureSession();
      const body = { session_id: sid, client_message_id: item.clientId };
      if (item.payload) Object.assign(body, { payload: item.payload, title: item.title });
      else body.message = item.text;
      r = await api('POST', '/webhook', body);
    } catch (e) { showFailure(item, (e && e.serverMessage) || SEND_FAILED); return; }
    const serverError = typeof r.data.error === 'string' && r.data.error.trim() ? r.data.error : '';
    if (r.ok) {
      showMessages(r.data.messages, { advance: false });
    } else if (r.status === 404 && !renewed) {
      // The session expired: start a new one quietly and send the message there.
      if (state.sessionId === sid) forgetSession();
      await deliver(item, true);
    } else if (r.status >= 500) {
      showFailure(item, SEND_FAILED);
    } else if (r.status === 408 || r.status === 429) {
      showFailure(item, serverError || SEND_FAILED);
    } else {
      addMessage('system', serverError || "Sorry, we couldn't send that.");
    }
  }

  function enqueue(item) {
    state.inFlight += 1;
    updateBusy();
    state.queue = state.queue.then(() => deliver(item)).catch(() => showFailure(item, SEND_FAILED))
      .then(() => { state.inFlight -= 1; updateBusy(); });
  }

  // item is {text} or {payload, title}; the resident sees their words (or the button title) at once.
  function send(item) {
    item.clientId = newClientId();
    item.echo = addMessage('resident', item.text || item.title);
    enqueue(item);
  }

  // ---- the message box ----
  function setHint(text) {
    el.hint.textContent = text;
    if (text) el.input.setAttribute('aria-invalid', 'true'); else el.input.removeAttribute('aria-invalid');
  }

  function updateCounter() {
    const left = MAX_LENGTH - el.input.value.length;
    const near = el.input.value.length >= COUNTER_FROM;
    const text = left > 0 ? `You have ${left} character${left === 1 ? '' : 's'} left`
      : 'You have reached the limit of 2,000 characters';
    el.counter.hidden = !near;
    el.counter.textContent = near ? text : '';
    el.counter.classList.toggle('is-limit', left <= 0);
    // Screen readers hear the count once typing pauses, not on every key.
    clearTimeout(state.counterTimer);
    state.counterTimer = setTimeout(() => { el.counterSr.textContent = near ? text : ''; }, 1000);
  }

  function submitMessage() {
    if (state.inFlight > 0) return; // Send is disabled; keep what they typed
    const text = el.input.value.trim();
    if (!text || text.length > MAX_LENGTH) {
      setHint(text ? 'Your message is too long. Make it 2,000 characters or fewer.' : 'Type a message first.');
      el.input.focus();
      return;
    }
    setHint('');
    el.input.value = '';
    save(DRAFT_KEY, null);
    updateCounter();
    send({ text });
    el.input.focus();
  }

  el.form.addEventListener('submit', (ev) => { ev.preventDefault(); submitMessage(); });

  el.input.addEventListener('keydown', (ev) => {
    // isComposing / 229: this Enter confirms a word in an input method (e.g. Japanese), so don't send.
    if (ev.key !== 'Enter' || ev.shiftKey || ev.isComposing || ev.keyCode === 229) return;
    ev.preventDefault();
    submitMessage();
  });

  el.input.addEventListener('input', () => {
    if (el.input.value.trim()) setHint('');
    save(DRAFT_KEY, el.input.value);
    updateCounter();
  });

  el.talk.addEventListener('click', () => send({ payload: HUMAN.payload, title: HUMAN.title }));
  document.addEventListener('visibilitychange', () => schedulePoll(document.hidden ? undefined : 0));

  async function loadConfig() {
    try {
      const r = await api('GET', '/config');
      const c = r.ok ? r.data : {};
      const str = (v) => (typeof v === 'string' && v.trim() ? v : '');
      if (str(c.council_name)) {
        el.councilName.textContent = c.council_name;
        document.title = `Chat with ${c.council_name}`;
      }
      if (str(c.assistant_notice)) el.notice.textContent = c.assistant_notice;
      if (/^https:\/\//.test(str(c.privacy_notice))) {
        $('privacy-link').href = c.privacy_notice;
        $('privacy-notice').hidden = false;
      }
      if (str(c.phone)) {
        el.phone.textContent = c.phone;
        el.phone.href = telHref(c.phone);
        el.hours.textContent = str(c.hours) ? ` (${c.hours})` : '';
        el.contact.hidden = false;
      }
    } catch (e) { /* keep the wording already on the page */ }
  }

  async function start() {
    loadConfig();
    el.input.value = (load(DRAFT_KEY) || '').slice(0, MAX_LENGTH);
    updateCounter();
    const stored = load(SESSION_KEY);
    try { await (stored ? restoreSession(stored) : ensureSession()); } catch (e) {
      state.pollFailed = true;
      addMessage('system', (e && e.serverMessage)
        || "Sorry, the chat isn't working right now. Check your connection. We'll keep trying.");
    }
    schedulePoll();
  }

  start();
})();
