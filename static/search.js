// Marquee's search page: reads the index the build wrote under search/ (SearchFiles.swift says
// its format), as the reader types. No dependency, no build step.
(function () {
  'use strict';

  // The fold of SearchFolding.swift, step for step: a query meets the index's terms exactly.
  var MARK = /\p{M}/u;
  var WORD = /[\p{L}\p{N}]/u;
  function isCJK(c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
  }
  function variant(c) {
    if (c === 0x064A || c === 0x0649) return 0x06CC;
    if (c === 0x0643) return 0x06A9;
    if (c === 0x03C2) return 0x03C3;
    if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 0x30;
    if (c >= 0x06F0 && c <= 0x06F9) return c - 0x06F0 + 0x30;
    return c;
  }
  function fold(text) {
    var terms = [], word = '', strips = false, cjk = false;
    function end() {
      if (word) terms.push(word.normalize('NFC'));
      word = '';
      cjk = false;
    }
    for (var ch of text.toLowerCase().normalize('NFKD')) {
      var c = ch.codePointAt(0);
      if (MARK.test(ch)) {
        if (word && !strips) word += ch;
        continue;
      }
      if (c === 0x200C || c === 0x200D || c === 0x00AD || c === 0x0640) continue;
      if (cjk && c >= 0x1160 && c <= 0x11FF) { word += ch; continue; }
      if (isCJK(c)) { end(); word = ch; cjk = true; strips = false; continue; }
      var m = variant(c), mapped = String.fromCodePoint(m);
      if (WORD.test(mapped)) {
        if (cjk) end();
        word += mapped;
        strips = m < 0x0530 || (m >= 0x1E00 && m <= 0x1FFF);
      } else {
        end();
      }
    }
    end();
    return terms;
  }
  // The shard of a term: FNV-1a of the UTF-8 of its first three characters, modulo the shards.
  function shardOf(term, count) {
    var hash = 0x811C9DC5;
    new TextEncoder().encode(Array.from(term).slice(0, 3).join('')).forEach(function (b) {
      hash = Math.imul(hash ^ b, 0x01000193) >>> 0;
    });
    return hash % count;
  }
  window.MarqueeSearch = { fold: fold, shard: shardOf };

  var script = document.currentScript;
  var form = document.getElementById('search-form');
  if (!script || !form) return;
  var root = script.getAttribute('data-index');
  var base = script.getAttribute('data-base');
  var phrases = JSON.parse(script.getAttribute('data-phrases'));
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var filters = ['rating', 'category', 'decade'].map(function (name) { return form.elements[name]; }).filter(Boolean);
  var PAGE = 10;
  var cache = new Map();
  var meta = null, common = new Set(), shown = [], count = 0, run = 0, timer = 0;
  // Document number → its result row, from the shards fetched so far (their terms' first results).
  var rows = new Map();

  var noscript = document.getElementById('search-noscript');
  if (noscript) noscript.hidden = true;

  function load(path) {
    if (!cache.has(path)) {
      cache.set(path, fetch(root + path).then(function (response) {
        if (!response.ok) throw new Error(path + ': ' + response.status);
        return response.json();
      }));
    }
    return cache.get(path);
  }
  function digits(text) {
    return String(text).replace(/[0-9]/g, function (d) { return Array.from(phrases.digits)[d]; });
  }
  function say(text) { status.textContent = text; }
  // doc → fields, from a term's postings.
  function decode(postings, into) {
    var doc = 0;
    for (var i = 0; i < postings.length; i++) {
      doc += Math.floor(postings[i] / 16);
      into.set(doc, (into.get(doc) || 0) | postings[i] % 16);
    }
    return into;
  }
  function weight(fields) { return fields & 1 ? 8 : fields & 2 ? 4 : fields & 4 ? 2 : 1; }

  // The documents matching every word, the last as a prefix, best first.
  function match(words) {
    return Promise.all(words.map(function (word) {
      return load('terms/' + shardOf(word, meta.shards) + '.json');
    })).then(function (shards) {
      var found = shards.map(function (shard) {
        Object.keys(shard.results).forEach(function (d) { rows.set(Number(d), shard.results[d]); });
        return shard.terms;
      });
      // Every word is required but a common one ("the"), which only ranks what has it elsewhere.
      var scores = null, bonus = new Map();
      words.forEach(function (word, i) {
        var fields = new Map(), shard = found[i];
        // A prefix of three characters or more: the shard holds every term it matches.
        var prefix = i === words.length - 1 && Array.from(word).length > 2;
        if (prefix) {
          Object.keys(shard).forEach(function (term) { if (term.startsWith(word)) decode(shard[term], fields); });
        } else if (Object.prototype.hasOwnProperty.call(shard, word)) {
          decode(shard[word], fields);
        }
        if (!prefix && common.has(word)) {
          fields.forEach(function (f, doc) { bonus.set(doc, (bonus.get(doc) || 0) + weight(f)); });
          return;
        }
        var next = new Map();
        fields.forEach(function (f, doc) {
          if (scores === null) next.set(doc, weight(f));
          else if (scores.has(doc)) next.set(doc, scores.get(doc) + weight(f));
        });
        scores = next;
      });
      if (scores === null) scores = bonus;
      else bonus.forEach(function (b, doc) { if (scores.has(doc)) scores.set(doc, scores.get(doc) + b); });
      return Array.from(scores.keys()).sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    });
  }
  function filtered(docs) {
    var limit = meta.documents, wanted = [];
    var rating = form.elements.rating && form.elements.rating.value;
    if (rating) {
      var cut = meta.ratings.find(function (r) { return String(r[0]) === rating; });
      limit = cut ? cut[1] : 0;
    }
    var category = form.elements.category && form.elements.category.value;
    var decade = form.elements.decade && form.elements.decade.value;
    if (category) wanted.push(load('filters/c' + category + '.json'));
    if (decade) wanted.push(load('filters/d' + decade + '.json'));
    return Promise.all(wanted).then(function (sets) {
      sets = sets.map(function (deltas) {
        var set = new Set(), doc = 0;
        deltas.forEach(function (d) { doc += d; set.add(doc); });
        return set;
      });
      if (docs === null) {
        docs = [];
        for (var d = 0; d < limit; d++) docs.push(d);
      }
      return docs.filter(function (d) { return d < limit && sets.every(function (s) { return s.has(d); }); });
    });
  }
  function search() {
    var mine = ++run;
    var q = input.value;
    var params = new URLSearchParams();
    if (q) params.set('q', q);
    filters.forEach(function (f) { if (f.value) params.set(f.name, f.value); });
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : ''));
    var words = Array.from(new Set(fold(q)));
    var filtering = filters.some(function (f) { return f.value; });
    if (!words.length && !filtering) {
      list.textContent = '';
      more.hidden = true;
      say(phrases.prompt);
      list.setAttribute('aria-busy', 'false');
      return;
    }
    list.setAttribute('aria-busy', 'true');
    start().then(function () {
      return words.length ? match(words) : null;
    }).then(filtered).then(function (docs) {
      if (mine !== run) return;
      shown = docs;
      count = 0;
      list.textContent = '';
      say(docs.length ? (docs.length === 1 || (docs.length === 0 && phrases.zeroIsOne) ? phrases.one : phrases.other)
        .replace('{count}', digits(docs.length)) : phrases.none);
      return show(mine);
    }).catch(function () {
      if (mine === run) say(phrases.failed);
    }).then(function () {
      if (mine === run) list.setAttribute('aria-busy', 'false');
    });
  }
  function start() {
    if (meta) return Promise.resolve();
    return load('meta.json').then(function (m) {
      if (m.version !== 3) throw new Error('index format ' + m.version);
      meta = m;
      common = new Set(m.common);
    });
  }
  // The next page of results.
  function show(mine) {
    var page = shown.slice(count, count + PAGE);
    count += page.length;
    more.hidden = count >= shown.length;
    // Rows the shards did not bring come from docs/, a file per hundred documents.
    var files = Array.from(new Set(page.filter(function (d) { return !rows.has(d); }).map(function (d) {
      return Math.floor(d / meta.perFile);
    })));
    return Promise.all(files.map(function (f) { return load('docs/' + f + '.json'); })).then(function (loaded) {
      if (mine !== run) return;
      page.forEach(function (d) {
        var row = rows.has(d) ? rows.get(d) : loaded[files.indexOf(Math.floor(d / meta.perFile))][d % meta.perFile];
        list.appendChild(result(row));
      });
    });
  }
  function result(row) {
    var item = document.createElement('li');
    item.className = 'search-result';
    if (row[4]) {
      var image = document.createElement('img');
      image.src = base + row[4];
      image.alt = '';
      image.loading = 'lazy';
      image.className = 'search-thumbnail';
      item.appendChild(image);
    }
    var text = document.createElement('p');
    var link = document.createElement('a');
    link.href = base + row[1];
    link.textContent = row[0];
    text.appendChild(link);
    if (row[3] !== null) text.appendChild(document.createTextNode(' (' + digits(row[3]) + ')'));
    var badge = row[2] !== null && document.querySelector('template[data-rating="' + row[2] + '"]');
    if (badge) {
      text.appendChild(document.createTextNode(' '));
      text.appendChild(badge.content.cloneNode(true));
    }
    item.appendChild(text);
    return item;
  }
  function later() {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }

  input.addEventListener('input', later);
  filters.forEach(function (f) { f.addEventListener('change', search); });
  form.addEventListener('submit', function (event) { event.preventDefault(); search(); });
  more.addEventListener('click', function () { show(run); });
  // Arrow keys move between the field and the results' links.
  form.parentNode.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var links = Array.from(list.querySelectorAll('a'));
    var at = links.indexOf(document.activeElement);
    if (document.activeElement === input && event.key === 'ArrowDown' && links.length) at = -1;
    else if (at < 0) return;
    event.preventDefault();
    var next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) input.focus();
    else if (next < links.length) links[next].focus();
  });
  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  filters.forEach(function (f) { if (params.get(f.name)) f.value = params.get(f.name); });
  search();
})();
