// The search page's script, the only script of the site's own pages. It cuts the query
// into the keys Yearbook indexed (each Chinese character and each pair of neighbours, and
// whole tokens of letters or digits; SearchKeys.swift, whose numbers this must match),
// loads only the index shards holding those keys, keeps the articles that contain every
// key, ranks a phrase above the same characters apart, and shows each article's title,
// report, date and a snippet with the hit marked. Text goes into the page as text nodes.
(function () {
  'use strict';
  var form = document.querySelector('form.search-form');
  if (!form || !window.fetch || !window.Uint8Array) return;
  var input = form.querySelector('input[name="q"]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var indexURL = form.getAttribute('data-index');
  var documentsURL = indexURL.replace(/index\/$/, 'docs/');
  var PAGE = 10;
  var TWO21 = 2097152;
  var TOKEN = 2199023255552; // 2^41: tokens' keys
  var LONGEST_TOKEN = 32;
  var manifest = null;
  var files = {};
  var shards = {};
  var documents = {};
  var generation = 0;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  list.parentNode.insertBefore(more, list.nextSibling);

  function isIdeograph(c) {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x3ffff);
  }

  function tokenLetter(c) {
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    return 0;
  }

  function isDigit(c) { return c >= 0x30 && c <= 0x39; }

  function tokenKey(letters) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < letters.length; i++) {
      hash = Math.imul((hash ^ letters[i]) >>> 0, 0x01000193) >>> 0;
    }
    return TOKEN + letters.length * 4294967296 + hash;
  }

  function shardOf(key) {
    var hash = (Math.imul(Math.floor(key / TWO21), 0x9e3779b1) ^ (key % TWO21)) >>> 0;
    hash = (hash ^ (hash >>> 15)) >>> 0;
    hash = Math.imul(hash, 0x85ebca6b) >>> 0;
    hash = (hash ^ (hash >>> 13)) >>> 0;
    return hash % manifest.shards;
  }

  function isPair(key) { return key < TOKEN && key % TWO21 !== 0; }

  // The query's terms: runs of Chinese characters and tokens, each with its keys and the
  // text a snippet looks for.
  function terms(query) {
    var found = [];
    var run = [];
    var token = [];
    var point = false;
    function endRun() {
      if (!run.length) return;
      var keys = [];
      if (run.length === 1) keys.push(run[0] * TWO21);
      for (var i = 0; i + 1 < run.length; i++) keys.push(run[i] * TWO21 + run[i + 1]);
      found.push({ keys: keys, text: String.fromCodePoint.apply(null, run), phrase: run.length > 1 });
      run = [];
    }
    function endToken() {
      if (token.length) {
        found.push({ keys: [tokenKey(token)], text: String.fromCharCode.apply(null, token), phrase: false });
      }
      token = [];
      point = false;
    }
    for (var character of query) {
      var c = character.codePointAt(0);
      if (isIdeograph(c)) {
        endToken();
        run.push(c);
        continue;
      }
      endRun();
      var letter = tokenLetter(c);
      if (letter) {
        if (point) {
          if (isDigit(letter)) { if (token.length < LONGEST_TOKEN) token.push(0x2e); } else endToken();
          point = false;
        }
        if (token.length < LONGEST_TOKEN) token.push(letter);
      } else if ((c === 0x2e || c === 0xff0e) && token.length && isDigit(token[token.length - 1]) && !point) {
        point = true;
      } else {
        endToken();
      }
    }
    endRun();
    endToken();
    return found;
  }

  function fetchBytes(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ': ' + response.status);
      return response.arrayBuffer();
    }).then(function (buffer) { return new Uint8Array(buffer); });
  }

  // A file fetched once and kept; a failed fetch is forgotten, so the next query tries again.
  function once(cache, name, load) {
    if (!cache[name]) {
      cache[name] = load().catch(function (error) {
        delete cache[name];
        throw error;
      });
    }
    return cache[name];
  }

  function loadManifest() {
    return once(files, 'manifest', function () {
      return fetch(indexURL + 'manifest.json').then(function (response) {
        if (!response.ok) throw new Error('manifest: ' + response.status);
        return response.json();
      });
    }).then(function (loaded) { manifest = loaded; return manifest; });
  }

  function loadShard(number) {
    return once(shards, number, function () { return fetchBytes(indexURL + number + '.bin'); });
  }

  // The postings of the `wanted` keys in one shard, as typed arrays: key → {length, ids,
  // counts (3 is three or more), titles, masks (the positions modulo 32 of a pair seen once
  // or twice, all ones when not known)}.
  function read(bytes, wanted, into) {
    var at = 0;
    function varint() {
      var value = 0, scale = 1, byte;
      do {
        byte = bytes[at++];
        value += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte & 0x80);
      return value;
    }
    while (at < bytes.length) {
      var key = 0, scale = 1;
      for (var i = 0; i < 6; i++) { key += bytes[at + i] * scale; scale *= 256; }
      at += 6;
      var header = varint();
      var length = varint();
      var end = at + length;
      if (wanted[key]) {
        var count = Math.floor(header / 2);
        var positions = isPair(key) && header % 2 === 1;
        var list = { length: count, ids: new Int32Array(count), counts: new Uint8Array(count),
          titles: new Uint8Array(count), masks: new Uint32Array(count) };
        var id = -1;
        for (var n = 0; n < count; n++) {
          var posting = varint();
          id += Math.floor(posting / 8);
          var times = posting & 3;
          var mask = 0xffffffff;
          if (positions && times <= 2) {
            mask = 0;
            for (var t = 0; t < times; t++) mask = (mask | (1 << bytes[at++])) >>> 0;
          }
          list.ids[n] = id;
          list.counts[n] = times;
          list.titles[n] = (posting >> 2) & 1;
          list.masks[n] = mask;
        }
        into[key] = list;
      }
      at = end;
    }
  }

  function rotate(mask, by) { return by % 32 ? ((mask >>> (by % 32)) | (mask << (32 - by % 32))) >>> 0 : mask; }

  var ID_SPAN = 1048576; // 2^20 articles at most: a result's rank and id share one number

  // Articles holding every key, best first: the phrase itself (its pairs at neighbouring
  // positions), then a hit in the title, then how often the keys occur, then site order.
  function rank(found, postings) {
    var keys = [];
    found.forEach(function (term) {
      term.keys.forEach(function (key) { if (keys.indexOf(key) < 0) keys.push(key); });
    });
    var lists = keys.map(function (key) { return postings[key] || { length: 0 }; });
    var order = lists.map(function (list, index) { return index; }).sort(function (a, b) {
      return lists[a].length - lists[b].length;
    });
    var base = lists[order[0]];
    var cursors = new Int32Array(lists.length);
    var at = new Int32Array(lists.length);
    var ranked = [];
    for (var i = 0; i < base.length; i++) {
      var id = base.ids[i];
      var every = true;
      for (var k = 0; k < lists.length && every; k++) {
        var list = lists[k];
        var cursor = cursors[k];
        while (cursor < list.length && list.ids[cursor] < id) cursor++;
        cursors[k] = cursor;
        if (cursor === list.length || list.ids[cursor] !== id) every = false;
        at[k] = cursor;
      }
      if (!every) continue;
      var phrase = 1, title = 1, count = 0;
      for (var f = 0; f < found.length; f++) {
        var term = found[f];
        var aligned = 0xffffffff;
        for (var offset = 0; offset < term.keys.length; offset++) {
          var index = keys.indexOf(term.keys[offset]);
          var position = at[index];
          aligned = (aligned & rotate(lists[index].masks[position], offset)) >>> 0;
          title &= lists[index].titles[position];
          count += lists[index].counts[position];
        }
        if (term.phrase && aligned === 0) phrase = 0;
      }
      ranked.push(((phrase * 2 + title) * 4096 + Math.min(count, 4095)) * ID_SPAN + (ID_SPAN - 1 - id));
    }
    var values = new Float64Array(ranked).sort();
    var results = [];
    for (var r = values.length - 1; r >= 0; r--) results.push({ id: ID_SPAN - 1 - (values[r] % ID_SPAN) });
    return results;
  }

  function loadDocument(id) {
    return once(documents, id, function () {
      return fetch(documentsURL + id + '.json').then(function (response) {
        if (!response.ok) throw new Error('document ' + id + ': ' + response.status);
        return response.json();
      });
    });
  }

  // Lower-case ASCII, full-width forms folded: the same length as the text, so a hit's
  // offset is the same in both.
  function fold(text) {
    return text.replace(/[\uff01-\uff5e]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).toLowerCase();
  }

  function snippet(text, found) {
    // Lines end at paragraphs: after Chinese text and punctuation they join without a space.
    var plain = text.replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+/g, '$1').replace(/\s+/g, ' ');
    var folded = fold(plain);
    // The terms as typed; a phrase the text does not hold is marked by its pairs.
    var needles = [];
    found.forEach(function (term) {
      if (!term.phrase || folded.indexOf(term.text) >= 0) {
        needles.push(term.text);
        return;
      }
      var characters = Array.from(term.text);
      for (var i = 0; i + 1 < characters.length; i++) {
        var pair = characters[i] + characters[i + 1];
        if (needles.indexOf(pair) < 0) needles.push(pair);
      }
    });
    var hit = -1;
    needles.forEach(function (needle) {
      var at = folded.indexOf(needle);
      if (at >= 0 && (hit < 0 || at < hit)) hit = at;
    });
    var start = Math.max(0, hit - 30);
    var end = Math.min(plain.length, start + 120);
    var paragraph = document.createElement('p');
    paragraph.className = 'search-snippet';
    if (start > 0) paragraph.appendChild(document.createTextNode('…'));
    var cursor = start;
    while (cursor < end) {
      var next = -1, length = 0;
      needles.forEach(function (needle) {
        var at = folded.indexOf(needle, cursor);
        if (at >= 0 && at < end && (next < 0 || at < next)) { next = at; length = needle.length; }
      });
      if (next < 0) break;
      if (next > cursor) paragraph.appendChild(document.createTextNode(plain.slice(cursor, next)));
      var mark = document.createElement('mark');
      mark.textContent = plain.slice(next, next + length);
      paragraph.appendChild(mark);
      cursor = next + length;
    }
    if (cursor < end) paragraph.appendChild(document.createTextNode(plain.slice(cursor, end)));
    if (end < plain.length) paragraph.appendChild(document.createTextNode('…'));
    return paragraph;
  }

  function item(entry, found) {
    var li = document.createElement('li');
    var heading = document.createElement('h2');
    var link = document.createElement('a');
    link.href = entry.url;
    link.textContent = entry.title;
    heading.appendChild(link);
    var meta = document.createElement('p');
    meta.className = 'search-meta';
    meta.textContent = entry.report + ' · ' + entry.date;
    li.appendChild(heading);
    li.appendChild(meta);
    li.appendChild(snippet(entry.text, found));
    return li;
  }

  function show(results, shown, found, mine) {
    var page = results.slice(shown, shown + PAGE);
    return Promise.all(page.map(function (result) { return loadDocument(result.id); })).then(function (entries) {
      if (mine !== generation) return;
      entries.forEach(function (entry) { list.appendChild(item(entry, found)); });
      var left = results.length - shown - page.length;
      more.hidden = left <= 0;
      more.textContent = '显示更多结果（还有 ' + left + ' 篇）';
      more.onclick = function () { show(results, shown + PAGE, found, mine); };
    });
  }

  function finish(query, text) {
    status.textContent = text;
    status.setAttribute('data-query', query);
  }

  function search(query) {
    var mine = ++generation;
    var found = terms(query);
    list.textContent = '';
    more.hidden = true;
    if (!found.length) { finish(query, ''); return; }
    status.textContent = '正在搜索…';
    loadManifest().then(function () {
      var byShard = {};
      found.forEach(function (term) {
        term.keys.forEach(function (key) {
          var shard = shardOf(key);
          (byShard[shard] = byShard[shard] || {})[key] = true;
        });
      });
      var numbers = Object.keys(byShard);
      return Promise.all(numbers.map(loadShard)).then(function (loaded) {
        var postings = {};
        loaded.forEach(function (bytes, index) { read(bytes, byShard[numbers[index]], postings); });
        return rank(found, postings);
      });
    }).then(function (results) {
      if (mine !== generation) return;
      var quoted = '“' + query.trim() + '”';
      if (!results.length) { finish(query, '没有找到包含' + quoted + '的文章，请换一个词试试。'); return; }
      return show(results, 0, found, mine).then(function () {
        if (mine === generation) finish(query, '找到 ' + results.length + ' 篇包含' + quoted + '的文章。');
      });
    }).catch(function () {
      if (mine === generation) finish(query, '搜索索引没有加载成功，请稍后再试。');
    });
  }

  function remember(query) {
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    remember(input.value);
    search(input.value);
  });
  input.addEventListener('input', function () { search(input.value); });
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    search(initial);
  } else {
    // The manifest is a few bytes: fetched now, the first query waits only for its shards.
    loadManifest().catch(function () {});
  }
})();
