// ARD report: draws every section from the JSON embedded in this file. Text from the store (test, branch, module names,
// reasons) only ever reaches the page through textContent or SVG text nodes, never as markup.
(function () {
  'use strict';
  var errors = [];
  function showErrors() {
    var pre = document.getElementById('ard-errors');
    pre.hidden = false;
    pre.textContent = 'Report errors:\n' + errors.join('\n');
  }
  window.addEventListener('error', function (e) { errors.push(String(e.message)); showErrors(); });

  var data = JSON.parse(document.getElementById('ard-data').textContent);
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#84cc16', '#ec4899', '#64748b', '#a16207'];
  var byId = {};
  data.builds.forEach(function (b) { byId[b.id] = b; });

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function s(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function child(parent, node) { parent.appendChild(node); return node; }
  function add(parent) { for (var i = 1; i < arguments.length; i++) { parent.appendChild(arguments[i]); } return parent; }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function day(ms) { var d = new Date(ms); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
  function when(ms) { var d = new Date(ms); return day(ms) + ' ' + pad(d.getHours()) + ':' + pad(d.getMinutes()); }
  function dur(ms) {
    if (ms === null || ms === undefined) { return '\u2013'; }
    if (ms < 1000) { return ms + ' ms'; }
    if (ms < 60000) { return (ms / 1000).toFixed(1) + ' s'; }
    if (ms < 3600000) { return Math.floor(ms / 60000) + ' min ' + Math.round((ms % 60000) / 1000) + ' s'; }
    return (ms / 3600000).toFixed(1) + ' h';
  }
  function pct(x) { return (x === null || x === undefined || isNaN(x)) ? '\u2013' : (100 * x).toFixed(1) + ' %'; }
  function empty(parent, text) { add(parent, el('p', { 'class': 'empty' }, text)); }
  function table(parent, headers, rows, numeric) {
    var wrap = el('div', { 'class': 'scroll' });
    var t = el('table');
    var tr = el('tr');
    headers.forEach(function (h, i) { add(tr, el('th', numeric && numeric[i] ? { 'class': 'n' } : null, h)); });
    add(t, add(el('thead'), tr));
    var body = el('tbody');
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c, i) {
        var td = el('td', { 'class': numeric && numeric[i] ? 'n' : 'name' });
        if (c instanceof Node) { td.appendChild(c); } else { td.textContent = c === null || c === undefined ? '' : String(c); }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    add(wrap, add(t, body));
    add(parent, wrap);
    return body;
  }
  function cards(parent, items) {
    var box = el('div', { 'class': 'cards' });
    items.forEach(function (it) { add(box, add(el('div', { 'class': 'card' }), el('div', { 'class': 'v' }, it[1]), el('div', { 'class': 'k' }, it[0]))); });
    add(parent, box);
  }
  // A tick step of 1, 2 or 5 times a power of ten, so the axis reads 0, 5, 10, 15 rather than 0, 6.25, 12.5.
  function niceStep(v) {
    if (!(v > 0)) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    return [1, 2, 5, 10].find(function (f) { return f * p >= v; }) * p;
  }
  // A bar chart: labels along x, one value per series per label (stacked when several), y axis with unit and grid.
  function barChart(parent, opt) {
    var W = 760, H = 290, L = 72, R = 12, T = 16, B = 72;
    var n = opt.labels.length;
    var totals = opt.labels.map(function (_, i) { return opt.series.reduce(function (a, se) { return a + (se.values[i] || 0); }, 0); });
    var top = Math.max.apply(null, totals.concat([0])) / opt.scale;
    var step = niceStep(top / 4), ticks = Math.max(1, Math.ceil(top / step)), max = step * ticks;
    var svg = s('svg', { 'class': 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': opt.title });
    add(svg, s('title', null, opt.title));
    var plotW = W - L - R, plotH = H - T - B;
    for (var k = 0; k <= ticks; k++) {
      var y = T + plotH - plotH * k / ticks;
      add(svg, s('line', { 'class': k === 0 ? 'axis' : 'grid', x1: L, x2: W - R, y1: y, y2: y }));
      add(svg, s('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, +(step * k).toFixed(3)));
    }
    add(svg, s('line', { 'class': 'axis', x1: L, x2: L, y1: T, y2: T + plotH }));
    add(svg, s('text', { x: 14, y: T + plotH / 2, transform: 'rotate(-90 14 ' + (T + plotH / 2) + ')', 'text-anchor': 'middle' }, opt.yLabel));
    var bw = plotW / Math.max(n, 1);
    var every = Math.max(1, Math.ceil(n / 12));
    opt.labels.forEach(function (label, i) {
      var x = L + i * bw, acc = 0;
      opt.series.forEach(function (se, j) {
        var v = (se.values[i] || 0) / opt.scale;
        if (v <= 0) { return; }
        var h = plotH * v / max;
        var r = add(s('rect', { x: x + bw * 0.12, width: Math.max(1, bw * 0.76), y: T + plotH - acc - h, height: h, fill: se.color || COLORS[j % COLORS.length] }),
          s('title', null, label + ' \u2013 ' + se.name + ': ' + (+v.toFixed(2)) + ' ' + opt.unit));
        add(svg, r);
        acc += h;
      });
      if (i % every === 0) {
        add(svg, s('text', { x: x + bw / 2, y: T + plotH + 14, 'text-anchor': 'end', transform: 'rotate(-35 ' + (x + bw / 2) + ' ' + (T + plotH + 14) + ')' }, label));
      }
    });
    add(svg, s('text', { x: L + plotW / 2, y: H - 2, 'text-anchor': 'middle' }, opt.xLabel));
    add(parent, el('h3', null, opt.title));
    if (opt.series.length > 1 || opt.legend) {
      var lg = el('div', { 'class': 'legend' });
      opt.series.forEach(function (se, j) {
        var item = el('span');
        add(item, el('i', { style: 'background:' + (se.color || COLORS[j % COLORS.length]) }), document.createTextNode(se.name));
        add(lg, item);
      });
      add(parent, lg);
    }
    add(parent, svg);
    return svg;
  }
  function sparkline(values) {
    var W = 120, H = 24;
    var svg = s('svg', { 'class': 'spark', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'durations' });
    if (!values.length) { return svg; }
    var max = Math.max.apply(null, values), min = Math.min.apply(null, values);
    var span = Math.max(1, max - min);
    var pts = values.map(function (v, i) {
      var x = values.length === 1 ? W / 2 : 2 + (W - 4) * i / (values.length - 1);
      return [x, H - 3 - (H - 6) * (v - min) / span];
    });
    add(svg, s('polyline', { points: pts.map(function (p) { return p[0].toFixed(1) + ',' + p[1].toFixed(1); }).join(' '), fill: 'none', stroke: '#2563eb', 'stroke-width': 1.5 }));
    var last = pts[pts.length - 1];
    add(svg, s('circle', { cx: last[0], cy: last[1], r: 2.5, fill: '#b91c1c' }));
    add(svg, s('title', null, values.map(dur).join(', ')));
    return svg;
  }
  function buildLabel(id) {
    var b = byId[id];
    return b ? when(b.started) + ' ' + (b.commit || '') + ' (' + (b.branch || 'no branch') + ')' : id;
  }

  // ---- filters
  var fBranch = document.getElementById('f-branch'), fFrom = document.getElementById('f-from'), fTo = document.getElementById('f-to');
  var branches = Array.from(new Set(data.builds.map(function (b) { return b.branch || ''; }))).sort();
  branches.forEach(function (b) { add(fBranch, el('option', { value: b }, b || '(no branch)')); });
  function filtered() {
    var from = fFrom.value ? new Date(fFrom.value + 'T00:00:00').getTime() : -Infinity;
    var to = fTo.value ? new Date(fTo.value + 'T23:59:59').getTime() : Infinity;
    return data.builds.filter(function (b) {
      return (fBranch.value === '' && fBranch.selectedIndex === 0 || (b.branch || '') === fBranch.value) && b.started >= from && b.started <= to;
    });
  }
  function body(id) { var b = document.querySelector('#' + id + ' .body'); b.textContent = ''; return b; }

  // ---- overview
  function weekOf(ms) { var d = new Date(ms); d.setHours(0, 0, 0, 0); d.setDate(d.getDate() - ((d.getDay() + 6) % 7)); return day(d.getTime()); }
  function overview(builds) {
    var b = body('overview');
    if (!data.builds.length) { empty(b, 'The store holds no builds yet: run a build with the ARD extension, then ard:report again.'); return; }
    var green = builds.filter(function (x) { return x.result === 'success'; }).length;
    var saved = builds.reduce(function (a, x) { return a + (x.savedMs || 0); }, 0);
    var selective = builds.filter(function (x) { return x.bySelection > 0; }).length;
    var ids = new Set(builds.map(function (x) { return x.id; }));
    var misses = data.misses.filter(function (m) { return ids.has(m.skipped); }).length;
    cards(b, [['builds', builds.length], ['pass rate', builds.length ? pct(green / builds.length) : '\u2013'],
      ['selective builds', selective], ['test time saved (est.)', dur(saved)], ['selection misses', misses],
      ['flaky tests', data.flaky.length], ['duration regressions', data.regressions.length]]);
    var rec = data.recall.filter(function (r) { return r.caughtClasses + r.missedClasses > 0; });
    if (rec.length) {
      table(b, ['mode', 'failing classes caught', 'missed', 'recall (classes)', 'failing builds caught', 'of', 'recall (builds)'],
        rec.map(function (r) { return [r.mode, r.caughtClasses, r.missedClasses, pct(r.caughtClasses / (r.caughtClasses + r.missedClasses)), r.caughtBuilds, r.failingBuilds, r.failingBuilds ? pct(r.caughtBuilds / r.failingBuilds) : '\u2013']; }),
        [false, true, true, true, true, true, true]);
    } else {
      add(b, el('p', { 'class': 'note' }, 'Recall: no selective build has a failing class yet, caught or confirmed missed (' + data.confirmedSkips + ' skips confirmed by a later build).'));
    }
    var weeks = {}, order = [];
    builds.slice().reverse().forEach(function (x) {
      var w = weekOf(x.started);
      if (!weeks[w]) { weeks[w] = { saved: 0, run: 0, pass: 0, n: 0 }; order.push(w); }
      weeks[w].saved += x.savedMs || 0; weeks[w].run += x.testMs || 0; weeks[w].n++; if (x.result === 'success') { weeks[w].pass++; }
    });
    var grid = child(b, el('div', { 'class': 'grid2' }));
    var left = child(grid, el('div')), right = child(grid, el('div'));
    barChart(left, { title: 'Test time per week', labels: order, xLabel: 'week starting', yLabel: 'test time (min)', unit: 'min', scale: 60000, legend: true,
      series: [{ name: 'ran', values: order.map(function (w) { return weeks[w].run; }), color: '#2563eb' },
        { name: 'saved by selection (est.)', values: order.map(function (w) { return weeks[w].saved; }), color: '#10b981' }] });
    barChart(right, { title: 'Builds per week', labels: order, xLabel: 'week starting', yLabel: 'builds', unit: 'builds', scale: 1, legend: true,
      series: [{ name: 'green', values: order.map(function (w) { return weeks[w].pass; }), color: '#15803d' },
        { name: 'failed', values: order.map(function (w) { return weeks[w].n - weeks[w].pass; }), color: '#b91c1c' }] });
    add(b, el('h3', null, 'Selection misses'));
    var shown = data.misses.filter(function (m) { return ids.has(m.skipped); });
    if (!shown.length) { empty(b, 'No confirmed miss: no class that selection skipped failed in a later build containing the change.'); return; }
    table(b, ['skipped in', 'failed in', 'module', 'test class', 'skip reason'], shown.map(function (m) {
      return [buildLabel(m.skipped), buildLabel(m.failed), m.module, m.cls, m.reason || ''];
    }));
  }

  // ---- selection
  function selection(builds) {
    var b = body('selection');
    if (!builds.length) { empty(b, 'No builds in the filter.'); return; }
    add(b, el('p', { 'class': 'note' }, 'One row per build, newest first. Click a row marked \u25B8 to see every decision of that build.'));
    var tb = table(b, ['', 'started', 'branch', 'commit', 'mode', 'result', 'tests', 'failed', 'skipped by selection', 'test time', 'saved (est.)'],
      builds.slice(0, 500).map(function (x) {
        return [data.decisions[x.id] ? '\u25B8' : '', when(x.started), x.branch || '', x.commit || '', x.mode || '', x.result || 'running',
          x.tests, x.failed, x.bySelection, dur(x.testMs), x.savedMs ? dur(x.savedMs) : ''];
      }), [false, false, false, false, false, false, true, true, true, true, true]);
    var detail = child(b, el('div'));
    Array.from(tb.rows).forEach(function (row, i) {
      var x = builds[i];
      if (!data.decisions[x.id]) { return; }
      row.className = 'pick';
      row.addEventListener('click', function () {
        Array.from(tb.rows).forEach(function (r) { r.classList.remove('sel'); });
        row.classList.add('sel');
        drill(detail, x);
      });
    });
    var first = builds.find(function (x) { return data.decisions[x.id]; });
    if (first) { drill(detail, first); }
  }
  function drill(detail, build) {
    detail.textContent = '';
    var d = data.decisions[build.id];
    var rows = d.rows.map(function (r) { return [r[2] ? 'ran' : 'skipped', r[0], r[1], d.reasons[r[3]] || '']; });
    var ran = rows.filter(function (r) { return r[0] === 'ran'; }).length;
    add(detail, el('h3', null, 'Decisions of ' + buildLabel(build.id) + ': ' + ran + ' of ' + rows.length + ' classes ran'));
    var search = child(detail, el('input', { type: 'search', placeholder: 'filter by class, module or reason' }));
    var holder = child(detail, el('div'));
    function draw() {
      holder.textContent = '';
      var q = search.value.toLowerCase();
      table(holder, ['decision', 'module', 'test class', 'reason'], rows.filter(function (r) {
        return !q || r.join(' ').toLowerCase().indexOf(q) >= 0;
      }).slice(0, 2000));
    }
    search.addEventListener('input', draw);
    draw();
  }

  // ---- flaky
  function flaky() {
    var b = body('flaky');
    var q = data.quarantine;
    if (q && q.problems.length) { q.problems.forEach(function (p) { add(b, el('p', { 'class': 'warn' }, p)); }); }
    if (!data.flaky.length) { empty(b, 'No flaky test in the window: no test passed only on a rerun, none both passed and failed on one commit.'); }
    else {
      table(b, ['module', 'test', 'rate', 'runs', 'failures', 'passed on rerun', 'flip commits', 'last flaky', 'quarantine'], data.flaky.map(function (f) {
        var qs = f.quarantine ? (f.quarantine.expired ? 'expired ' : 'until ') + f.quarantine.expires + ' (' + f.quarantine.owner + ')' : '';
        return [f.module, f.cls + '#' + f.method, pct(f.rate), f.runs, f.failures, f.rerun, f.flips, f.last ? when(f.last) : '', qs];
      }), [false, false, true, true, true, true, true, false, false]);
    }
    add(b, el('h3', null, 'Quarantine'));
    if (!q || !q.file) { empty(b, 'No quarantine file (.mvn/ard-quarantine.txt).'); return; }
    if (!q.entries.length) { empty(b, q.file + ' has no entries.'); return; }
    table(b, ['pattern', 'owner', 'expires', 'state', 'reason'], q.entries.map(function (e) {
      var state = el('span', { 'class': e.expired ? 'bad' : 'ok' }, e.expired ? 'expired: no longer applies' : 'applies');
      return [e.pattern, e.owner, e.expires, state, e.reason];
    }));
  }

  // ---- durations
  function durations() {
    var b = body('durations');
    add(b, el('h3', null, 'Duration regressions'));
    if (!data.regressions.length) {
      empty(b, 'No regression over the last ' + data.durationBuilds + ' green builds of ' + (data.fullBranches.join(', ') || 'the full branches') + ' (a run must be 50 % and 1 s slower than the median of at least 5 earlier runs, and beyond 3 scaled MADs).');
    } else {
      table(b, ['module', 'test class', 'baseline (median)', 'now', 'slower', 'since', 'slow runs', 'trend'], data.regressions.map(function (r) {
        return [r.module, r.cls, dur(r.baselineMs), dur(r.currentMs), '\u00D7' + r.ratio.toFixed(2), buildLabel(r.started), r.slowRuns + ' of ' + (r.slowRuns + r.baselineRuns), sparkline(r.series)];
      }), [false, false, true, true, true, false, true, false]);
    }
    add(b, el('h3', null, 'Slowest test classes'));
    if (!data.slowest.length) { empty(b, 'No test ran in the window.'); return; }
    table(b, ['module', 'test class', 'mean', 'builds', 'failures', 'trend'], data.slowest.map(function (c) {
      return [c.module, c.cls, dur(c.meanMs), c.builds, c.failures, sparkline(c.series || [])];
    }), [false, false, true, true, true, false]);
  }

  // ---- profile
  function profile() {
    var b = body('profile');
    var p = data.profile;
    if (!p.builds.length) { empty(b, 'No mojo timings recorded.'); return; }
    var totals = {};
    p.builds.forEach(function (x) { x.modules.forEach(function (m) { totals[m.m] = (totals[m.m] || 0) + m.ms; }); });
    var modules = Object.keys(totals).sort(function (a, c) { return totals[c] - totals[a]; });
    var top = modules.slice(0, 9), rest = modules.slice(9);
    var series = top.map(function (m, j) {
      return { name: m, color: COLORS[j], values: p.builds.map(function (x) { var f = x.modules.find(function (y) { return y.m === m; }); return f ? f.ms : 0; }) };
    });
    if (rest.length) {
      series.push({ name: rest.length + ' other modules', color: COLORS[9], values: p.builds.map(function (x) {
        return x.modules.filter(function (y) { return top.indexOf(y.m) < 0; }).reduce(function (a, y) { return a + y.ms; }, 0);
      }) });
    }
    barChart(b, { title: 'Mojo time per module, newest ' + p.builds.length + ' builds', labels: p.builds.map(function (x) { return byId[x.id] ? when(byId[x.id].started).slice(5) : x.id; }),
      xLabel: 'build', yLabel: 'mojo time (s)', unit: 's', scale: 1000, series: series, legend: true });
    var grid = child(b, el('div', { 'class': 'grid2' }));
    var left = child(grid, el('div')), right = child(grid, el('div'));
    add(left, el('h3', null, 'Critical path of the newest build'));
    var c = p.critical;
    if (!c || !c.steps.length) { empty(left, 'No start times recorded for the newest build.'); }
    else {
      var t0 = c.steps[0].start, t1 = c.steps[c.steps.length - 1].end, span = Math.max(1, t1 - t0);
      var W = 520, rowH = 18, H = c.steps.length * rowH + 30, L = 160;
      var svg = s('svg', { 'class': 'chart', viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'critical path' });
      add(svg, s('title', null, 'critical path: ' + dur(t1 - t0)));
      c.steps.forEach(function (st, i) {
        var x = L + (W - L - 10) * (st.start - t0) / span, w = Math.max(2, (W - L - 10) * (st.end - st.start) / span);
        add(svg, s('text', { x: L - 6, y: i * rowH + 13, 'text-anchor': 'end' }, st.m.length > 26 ? '\u2026' + st.m.slice(-25) : st.m));
        add(svg, add(s('rect', { x: x, y: i * rowH + 3, width: w, height: rowH - 6, fill: '#2563eb' }), s('title', null, st.m + ': ' + dur(st.end - st.start))));
      });
      add(svg, s('line', { 'class': 'axis', x1: L, x2: W - 10, y1: H - 22, y2: H - 22 }));
      add(svg, s('text', { x: L, y: H - 8 }, '0 s'));
      add(svg, s('text', { x: W - 10, y: H - 8, 'text-anchor': 'end' }, dur(span) + ' (wall time of the chain)'));
      add(left, svg);
    }
    add(right, el('h3', null, 'Slowest plugin goals'));
    table(right, ['plugin', 'goal', 'total', 'builds', 'slowest run'], p.goals.map(function (g) { return [g.plugin, g.goal, dur(g.totalMs), g.builds, dur(g.maxMs)]; }),
      [false, false, true, true, true]);
  }

  // ---- model
  function model() {
    var b = body('model');
    if (!data.model) { empty(b, 'No model trained yet (predictive selection trains one once the store holds enough failing builds).'); return; }
    cards(b, [['version', data.model.version], ['trained', when(data.model.trainedAt)]]);
    var rows = [];
    (function walk(prefix, v) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) { Object.keys(v).forEach(function (k) { walk(prefix ? prefix + '.' + k : k, v[k]); }); }
      else { rows.push([prefix, Array.isArray(v) ? JSON.stringify(v) : v]); }
    })('', data.model.metrics);
    table(b, ['metric', 'value'], rows);
  }

  // ---- attestations
  function attestations() {
    var b = body('attestations');
    var a = data.attestations;
    if (!a || !a.files.length) { empty(b, 'No attestations in target/ (run mvn verify with ard:provenance and ard:sign, or point ard.report.attestations at a release\u2019s files).'); return; }
    add(b, el('p', { 'class': 'note' }, 'From the build\u2019s target directory. Provenance made inside the build is SLSA Build L1, signed or not.'));
    table(b, ['file', 'kind', 'subjects', 'signer', 'verification'], a.files.map(function (f) {
      var v = el('span', { 'class': f.verified === true ? 'ok' : f.verified === false ? 'bad' : 'warn' }, f.verification);
      return [f.name, f.kind, f.subjects.join('\n'), f.signer || '', v];
    }));
  }

  function render() {
    var builds = filtered();
    overview(builds);
    selection(builds);
  }
  var meta = 'Store ' + data.store + ' \u00B7 ' + data.builds.length + ' builds since ' + day(data.since) + ' \u00B7 generated ' + when(data.generated);
  document.getElementById('meta').textContent = meta;
  [fBranch, fFrom, fTo].forEach(function (f) { f.addEventListener('change', function () { try { render(); } catch (e) { errors.push(String(e)); showErrors(); } }); });
  document.getElementById('f-reset').addEventListener('click', function () { fBranch.selectedIndex = 0; fFrom.value = ''; fTo.value = ''; render(); });
  [render, flaky, durations, profile, model, attestations].forEach(function (f) {
    try { f(); } catch (e) { errors.push(f.name + ': ' + e); showErrors(); }
  });
  document.body.setAttribute('data-ard-ready', errors.length ? 'errors' : 'ok');
  // milliseconds from navigation start until every section was drawn (bench/report-scale.sh reads it)
  document.body.setAttribute('data-ard-ms', String(Math.round(performance.now())));
})();
