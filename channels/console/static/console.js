// Advisor console: live queue and transcript refresh, canned replies. Text only, never HTML.
(function () {
  'use strict';
  var base = document.body.getAttribute('data-base') || '';

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    return node;
  }

  function getJson(path) {
    return fetch(base + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (reply) {
        if (reply.status === 401) { window.location.href = base + '/login'; throw new Error('signed out'); }
        if (!reply.ok) throw new Error('HTTP ' + reply.status);
        return reply.json();
      });
  }

  function claimForm(reference, csrf) {
    var form = el('form', null, { method: 'post', action: base + '/tickets/' + encodeURIComponent(reference) + '/claim', class: 'inline' });
    form.appendChild(el('input', null, { type: 'hidden', name: 'csrf_token', value: csrf }));
    form.appendChild(el('button', 'Claim', { type: 'submit', 'data-testid': 'claim' }));
    return form;
  }

  function renderQueue(table, tickets) {
    var body = table.querySelector('tbody');
    var csrf = table.getAttribute('data-csrf');
    var rows = [];
    tickets.forEach(function (t) {
      var row = el('tr', null, { 'data-testid': 'queue-row', 'data-reference': t.reference, 'data-priority': t.priority, class: 'prio-' + t.priority });
      row.appendChild(el('td', t.position || ''));
      var prio = el('td'); prio.appendChild(el('span', t.priority.replace('_', ' '), { class: 'badge badge--' + t.priority })); row.appendChild(prio);
      var topic = el('td');
      topic.appendChild(el('a', t.reference, { href: base + '/tickets/' + encodeURIComponent(t.reference) }));
      topic.appendChild(document.createTextNode(' · ' + t.topic));
      topic.appendChild(el('br'));
      topic.appendChild(el('span', t.reason + (t.acting_for ? ' · asking for ' + t.acting_for : ''), { class: 'hint' }));
      row.appendChild(topic);
      row.appendChild(el('td', t.channel));
      row.appendChild(el('td', t.waiting));
      row.appendChild(el('td', t.status === 'claimed' ? 'with ' + t.claimed_by : 'waiting'));
      var action = el('td');
      if (t.status === 'open') action.appendChild(claimForm(t.reference, csrf));
      row.appendChild(action);
      rows.push(row);
    });
    if (!rows.length) {
      var empty = el('tr', null, { 'data-testid': 'queue-empty' });
      empty.appendChild(el('td', 'Nobody is waiting.', { colspan: '7' }));
      rows.push(empty);
    }
    body.replaceChildren.apply(body, rows);
  }

  function renderTranscript(list, lines) {
    if (list.children.length === lines.length) return;
    var items = lines.map(function (line) {
      var who = line.sender === 'advisor' ? line.name + ' (advisor)' : line.sender === 'resident' ? 'Resident' : 'Assistant';
      var item = el('li', null, { class: 'line line--' + line.sender, 'data-testid': 'transcript-line', 'data-sender': line.sender });
      item.appendChild(el('span', who, { class: 'line__who' }));
      item.appendChild(document.createTextNode(' '));
      item.appendChild(el('span', line.text, { class: 'line__text' }));
      return item;
    });
    list.replaceChildren.apply(list, items);
  }

  var queue = document.querySelector('[data-testid="queue"]');
  if (queue) {
    window.setInterval(function () {
      getJson('/queue.json').then(function (data) { renderQueue(queue, data.tickets); }).catch(function () {});
    }, 3000);
  }

  var transcript = document.querySelector('[data-testid="transcript"]');
  if (transcript) {
    var reference = encodeURIComponent(transcript.getAttribute('data-reference'));
    window.setInterval(function () {
      getJson('/tickets/' + reference + '/transcript.json')
        .then(function (data) { renderTranscript(transcript, data.lines); }).catch(function () {});
    }, 2000);
  }

  var canned = document.querySelector('[data-testid="canned"]');
  var replyText = document.querySelector('[data-testid="reply-text"]');
  if (canned && replyText) {
    canned.addEventListener('change', function () {
      if (canned.value) { replyText.value = canned.value; replyText.focus(); }
    });
  }
})();
