// The sandbox's web chat: acts as a Telegram app for the person chosen, through /sandbox/api. Texts from the bot
// and from people are put in the page as text nodes, never as HTML.
(function () {
  'use strict';
  var state = { as: null, chat: null, replyTo: 0, lastMessages: '', lastChats: '' };
  var T = {};

  function $(id) { return document.getElementById(id); }

  function api(method, path, body) {
    var options = { method: method, headers: {} };
    if (body) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { throw new Error(json.error || response.statusText); }
        return json;
      });
    });
  }

  function showError(error) { $('error').textContent = error ? String(error.message || error) : ''; }

  function loadPeople(select) {
    return api('GET', '/sandbox/api/people').then(function (people) {
      var menu = $('persona');
      menu.textContent = '';
      people.forEach(function (p) {
        var option = document.createElement('option');
        option.value = p.id;
        option.textContent = p.name + ' (' + (T['role.' + p.role] || p.role) + ')';
        option.setAttribute('data-name', p.name);
        menu.appendChild(option);
      });
      var wanted = select || new URLSearchParams(location.search).get('as') || (people[people.length - 1] || {}).id;
      menu.value = String(wanted);
      choose(menu.value);
    });
  }

  function choose(id) {
    state.as = id;
    state.chat = id;
    state.replyTo = 0;
    state.lastMessages = '';
    state.lastChats = '';
    history.replaceState(null, '', '/sandbox?lang=' + $('sandbox').getAttribute('data-lang') + '&as=' +
      encodeURIComponent(id));
    refresh();
  }

  function refresh() {
    if (!state.as) { return; }
    api('GET', '/sandbox/api/chats?as=' + encodeURIComponent(state.as) + '&lang=' +
      $('sandbox').getAttribute('data-lang')).then(renderChats).catch(showError);
    api('GET', '/sandbox/api/messages?as=' + encodeURIComponent(state.as) + '&chat=' + encodeURIComponent(state.chat))
      .then(renderMessages).catch(showError);
  }

  function renderChats(chats) {
    var json = JSON.stringify(chats) + state.chat;
    if (json === state.lastChats) { return; }
    state.lastChats = json;
    var list = $('chats');
    list.textContent = '';
    chats.forEach(function (chat) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'chat' + (String(chat.id) === String(state.chat) ? ' open' : '');
      button.setAttribute('data-chat-id', chat.id);
      // as in Telegram, a group shows the join requests waiting for the bot's answer
      var title = chat.kind === 'private' ? T.bot : chat.title;
      button.textContent = title + (chat.kind === 'group' ? (chat.member ? ' ✓' : '') : '') +
        (chat.requestsText ? ' · ' + chat.requestsText : '');
      button.addEventListener('click', function () {
        state.chat = String(chat.id);
        state.replyTo = 0;
        state.lastMessages = '';
        state.lastChats = '';
        refresh();
      });
      item.appendChild(button);
      list.appendChild(item);
      if (String(chat.id) === String(state.chat)) { $('chat-title').textContent = title; }
    });
  }

  var TAGS = { bold: 'b', italic: 'i', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre',
    spoiler: 'span', text_link: 'a', blockquote: 'blockquote', expandable_blockquote: 'blockquote' };

  // Text with its entities as nested elements; offsets count UTF-16 units, as JavaScript strings do.
  function formatted(text, entities) {
    var out = document.createDocumentFragment();
    var cuts = [0, text.length];
    entities.forEach(function (e) { cuts.push(e.offset, e.offset + e.length); });
    cuts = cuts.filter(function (v, i, all) { return all.indexOf(v) === i && v >= 0 && v <= text.length; })
      .sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var from = cuts[i], to = cuts[i + 1];
      var inLink = entities.some(function (e) {
        return e.type === 'text_link' && e.offset <= from && e.offset + e.length >= to;
      });
      var node = inLink ? document.createTextNode(text.slice(from, to)) : linked(text.slice(from, to));
      entities.forEach(function (e) {
        var tag = TAGS[e.type];
        if (!tag || e.offset > from || e.offset + e.length < to) { return; }
        var wrapper = document.createElement(tag);
        if (e.type === 'spoiler') { wrapper.className = 'spoiler'; }
        if (tag === 'a') {
          if (/^https?:\/\//.test(e.url || '')) { wrapper.href = e.url; wrapper.target = '_blank'; wrapper.rel = 'noopener noreferrer'; }
        }
        wrapper.appendChild(node);
        node = wrapper;
      });
      out.appendChild(node);
    }
    return out;
  }

  function renderMessages(messages) {
    var json = JSON.stringify(messages);
    if (json === state.lastMessages) { return; }
    state.lastMessages = json;
    var box = $('messages');
    box.textContent = '';
    if (messages.length === 0 && String(state.chat) === String(state.as)) {
      box.appendChild(emptyHint());
    }
    messages.forEach(function (m) { box.appendChild(message(m)); });
    box.scrollTop = box.scrollHeight;
  }

  // A chat with the bot that has not begun: what a Telegram app shows as its Start button.
  function emptyHint() {
    var hint = document.createElement('div');
    hint.className = 'empty-hint';
    var words = document.createElement('p');
    words.textContent = T.empty;
    var start = document.createElement('button');
    start.type = 'button';
    start.textContent = T['empty.start'];
    start.addEventListener('click', function () { post('/sandbox/api/send', { text: '/start' }); });
    hint.appendChild(words);
    hint.appendChild(start);
    return hint;
  }

  // Web addresses in a text become links, as Telegram apps make them (the bot's dashboard link among them).
  function linked(text) {
    var out = document.createDocumentFragment();
    var url = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;
    var at = 0, found;
    while ((found = url.exec(text)) !== null) {
      out.appendChild(document.createTextNode(text.slice(at, found.index)));
      var a = document.createElement('a');
      a.href = found[0];
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.textContent = found[0];
      out.appendChild(a);
      at = found.index + found[0].length;
    }
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }

  function message(m) {
    var mine = !m.fromBot && m.from && $('persona').selectedOptions[0] &&
      $('persona').selectedOptions[0].getAttribute('data-name') === m.from;
    var div = document.createElement('div');
    div.className = 'msg ' + (m.service ? 'service' : m.fromBot ? 'bot' : mine ? 'mine' : 'other');
    div.setAttribute('data-id', m.id);
    if (m.service) {
      div.textContent = m.service;
      return div;
    }
    if (String(state.chat).charAt(0) === '-') {
      var who = document.createElement('div');
      who.className = 'from';
      who.textContent = m.from;
      div.appendChild(who);
    }
    if (m.replyTo) {
      var quote = document.createElement('div');
      quote.className = 'reply-to';
      quote.textContent = '↩ #' + m.replyTo;
      div.appendChild(quote);
    }
    if (m.photo) { div.appendChild(note('🖼 ' + T.photo)); }
    if (m.document) { div.appendChild(note('📄 ' + m.document)); }
    var body = document.createElement('div');
    body.className = 'text';
    body.appendChild(formatted(m.text, m.entities || []));
    div.appendChild(body);
    if (m.edited) { div.appendChild(note(T.edited)); }
    (m.buttons || []).forEach(function (row) {
      var line = document.createElement('div');
      line.className = 'kb-row';
      row.forEach(function (b) { line.appendChild(button(m, b)); });
      div.appendChild(line);
    });
    var tools = document.createElement('div');
    tools.className = 'tools';
    tools.appendChild(small(T.reply, function () {
      state.replyTo = m.id;
      $('replying').hidden = false;
      $('replying').textContent = T.replying.replace('{id}', m.id);
      $('text').focus();
    }));
    if (mine) {
      tools.appendChild(small(T.edit, function () {
        var text = window.prompt(T['edit.prompt'], m.text);
        if (text) { post('/sandbox/api/edit', { message: m.id, text: text }); }
      }));
    }
    div.appendChild(tools);
    return div;
  }

  function note(text) {
    var span = document.createElement('div');
    span.className = 'note';
    span.textContent = text;
    return span;
  }

  function small(label, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'small';
    b.textContent = label;
    b.addEventListener('click', action);
    return b;
  }

  function button(m, b) {
    var el = document.createElement('button');
    el.type = 'button';
    el.className = 'kb';
    el.textContent = b.text;
    el.addEventListener('click', function () {
      if (b.callback) {
        post('/sandbox/api/tap', { message: m.id, button: b.text });
      } else if (b.url) {
        openLink(b.url);
      }
    });
    return el;
  }

  // A link a Telegram app would handle itself: a group's invite link (a join request), or a start link of the bot.
  function openLink(url) {
    var start = /^https:\/\/t\.me\/[A-Za-z0-9_]+\?start=([A-Za-z0-9_-]+)$/.exec(url);
    if (/^https:\/\/t\.me\/\+/.test(url)) {
      post('/sandbox/api/join', { link: url });
    } else if (start) {
      state.chat = state.as;
      post('/sandbox/api/send', { text: '/start ' + start[1] });
    } else if (/^https?:\/\//.test(url)) {
      window.open(url, '_blank', 'noopener');
    }
  }

  function askInline(query) {
    showError('');
    api('POST', '/sandbox/api/inline', { as: Number(state.as), chat: Number(state.chat), query: query })
      .then(function (results) {
        var list = $('inline');
        list.textContent = '';
        list.hidden = results.length === 0;
        results.forEach(function (r) {
          var item = document.createElement('li');
          var choose = document.createElement('button');
          choose.type = 'button';
          choose.className = 'inline-result';
          var title = document.createElement('b');
          title.textContent = r.title;
          choose.appendChild(title);
          if (r.description) {
            var description = document.createElement('span');
            description.textContent = ' ' + r.description;
            choose.appendChild(description);
          }
          choose.addEventListener('click', function () {
            list.hidden = true;
            list.textContent = '';
            $('text').value = '';
            post('/sandbox/api/inline/choose', { index: r.index });
          });
          item.appendChild(choose);
          list.appendChild(item);
        });
      }).catch(showError);
  }

  function post(path, body) {
    body.as = Number(state.as);
    body.chat = Number(state.chat);
    showError('');
    return api('POST', path, body).then(function () { setTimeout(refresh, 150); }).catch(showError);
  }

  document.addEventListener('DOMContentLoaded', function () {
    T = JSON.parse($('sandbox').getAttribute('data-texts'));
    $('persona').addEventListener('change', function () { choose(this.value); });
    $('newcomer').addEventListener('click', function () {
      api('POST', '/sandbox/api/people', {}).then(function (p) { return loadPeople(p.id); }).catch(showError);
    });
    $('composer').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = $('text').value;
      if (!text.trim()) { return; }
      // "@bot words" asks the bot's inline mode, as a Telegram app does while one types
      var inline = new RegExp('^@' + $('sandbox').getAttribute('data-bot') + '\\s+(.*)$', 'i').exec(text.trim());
      if (inline) {
        askInline(inline[1]);
        return;
      }
      var replyTo = state.replyTo;
      state.replyTo = 0;
      $('replying').hidden = true;
      $('text').value = '';
      post('/sandbox/api/send', { text: text, replyTo: replyTo });
    });
    $('text').addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { state.replyTo = 0; $('replying').hidden = true; }
    });
    // links in the bot's texts (invite links, start links) open as in Telegram
    $('messages').addEventListener('click', function (event) {
      var link = event.target.closest('a');
      if (link && /^https:\/\/t\.me\//.test(link.href)) {
        event.preventDefault();
        openLink(link.href);
      }
    });
    loadPeople().catch(showError);
    setInterval(refresh, 700);
  });
}());
