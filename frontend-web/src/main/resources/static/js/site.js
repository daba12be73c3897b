// The site page: live tiles over Server-Sent Events, stale marking, the site's status and active
// alerts kept current (an `alerts` event, and every (re)connect, fetch the alerts section again), and
// uPlot trend charts.
// uPlot (webjar) was chosen over ECharts: ~50 KB instead of ~1 MB, canvas drawing built for long
// time series (thousands of points per chart, 20 charts per page stay fast), and nothing else needed.
const main = document.getElementById('site');
const siteId = main.dataset.siteId;
const timezone = main.dataset.timezone || 'UTC';
const liveStatus = document.getElementById('live-status');
const tiles = new Map([...document.querySelectorAll('.tile')].map(tile => [tile.dataset.sensorId, tile]));
const statusBadge = document.getElementById('site-status');
const SEVERITY_RANK = { critical: 4, high: 3, medium: 2, low: 1 };

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZoneName: 'short'
});

function formatTime(ms) {
  const parts = Object.fromEntries(timeFormat.formatToParts(new Date(ms)).map(p => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

const axisTime = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hour12: false });
const axisDay = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: '2-digit', month: 'short' });

// 24-hour times in the site's zone; the day is added where a window spans more than a day.
function axisLabels(span) {
  return (u, splits) => splits.map(ts => {
    const date = new Date(ts * 1000);
    return span > 2 * 86400 ? `${axisDay.format(date)}\n${axisTime.format(date)}` : axisTime.format(date);
  });
}

function formatValue(value) {
  const abs = Math.abs(value);
  return value.toFixed(abs >= 1000 ? 0 : abs >= 100 ? 1 : 2);
}

function limitsOf(element) {
  return (element.dataset.limits || '').split(';').filter(Boolean).map(pair => {
    const [operator, limit] = pair.split(':');
    return { operator, limit: Number(limit) };
  });
}

function crossed(limits, value) {
  return limits.some(l => (l.operator === 'above' && value > l.limit) || (l.operator === 'below' && value < l.limit));
}

function setState(tile, state) {
  tile.classList.remove('state-ok', 'state-alarm', 'state-stale');
  tile.classList.add(`state-${state}`);
  const severity = tile.dataset.alert;
  // An active alert stays visible on a stale tile: the last value was alarming when it stopped.
  tile.querySelector('.tile-state').textContent = state === 'alarm' ? `alarm${severity ? ' · ' + severity : ''}`
    : state === 'stale' && severity ? `stale · ${severity} alert` : state;
}

function judge(tile, now = Date.now()) {
  const ts = Number(tile.dataset.tsMs || 0);
  const staleAfter = Number(tile.dataset.staleAfterMs || 300000);
  const value = tile.dataset.value === '' ? NaN : Number(tile.dataset.value);
  if (!ts || now - ts > staleAfter || Number.isNaN(value)) {
    setState(tile, 'stale');
  } else if (tile.dataset.alert || crossed(limitsOf(tile), value)) {
    setState(tile, 'alarm');
  } else {
    setState(tile, 'ok');
  }
}

// The site's status by frontend-api's site-summary rule: alerting (worst severity) while any alert is
// active, else stale when every tile is, else ok.
function showStatus() {
  const severities = [...document.querySelectorAll('#alert-list > li')].map(li => li.dataset.severity);
  const worst = severities.sort((a, b) => (SEVERITY_RANK[b] || 0) - (SEVERITY_RANK[a] || 0))[0];
  const allStale = [...tiles.values()].every(tile => tile.classList.contains('state-stale'));
  const [text, css] = severities.length ? [`alerting · ${worst}`, `sev-${worst}`]
    : allStale ? ['stale', 'st-stale'] : ['ok', 'st-ok'];
  if (statusBadge.textContent !== text) {
    statusBadge.textContent = text;
  }
  statusBadge.className = `badge ${css}`;
  main.dataset.status = severities.length ? 'alerting' : allStale ? 'stale' : 'ok';
}

// Each tile's worst active alert, from the alert list (colours the tile, named on it).
function markTileAlerts() {
  const worst = new Map();
  document.querySelectorAll('#alert-list > li').forEach(li => {
    const current = worst.get(li.dataset.sensorId);
    if (!current || (SEVERITY_RANK[li.dataset.severity] || 0) > (SEVERITY_RANK[current] || 0)) {
      worst.set(li.dataset.sensorId, li.dataset.severity);
    }
  });
  tiles.forEach((tile, sensorId) => {
    if (worst.has(sensorId)) {
      tile.dataset.alert = worst.get(sensorId);
    } else {
      delete tile.dataset.alert;
    }
    judge(tile);
  });
}

// Merges a fresh alert list into the page: an alert whose state, shelving and acknowledgement are
// unchanged keeps its element (and whatever is being typed in its forms), others are replaced, added
// or removed, in the fresh order.
function mergeAlerts(fresh) {
  const list = document.getElementById('alert-list');
  const current = new Map([...list.children].map(li => [li.dataset.alertId, li]));
  const items = [...fresh.querySelectorAll('#alert-list > li')].map(li => {
    const kept = current.get(li.dataset.alertId);
    return kept && kept.dataset.version === li.dataset.version ? kept : document.adoptNode(li);
  });
  list.replaceChildren(...items);
  document.getElementById('no-alerts').hidden = items.length > 0;
}

let alertsFetch = null;
let alertsAgain = false;

// Fetches the site's active alerts (frontend-web → frontend-api as the user); a change arriving while a
// fetch runs makes one more fetch after it, so a burst of changes costs at most two.
async function refreshAlerts() {
  if (alertsFetch) {
    alertsAgain = true;
    return;
  }
  alertsFetch = (async () => {
    try {
      // Accept */*, not text/html: signed out, a script gets 401 and is not remembered as the page to
      // return to after sign-in, as a browser's navigation would be.
      const response = await fetch(`/sites/${encodeURIComponent(siteId)}/alerts`,
        { headers: { Accept: '*/*' }, credentials: 'same-origin', redirect: 'manual' });
      if (!response.ok) {
        return; // signed out or refused: the live stream's own error handling tells the user
      }
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (fresh.getElementById('alert-list')) {
        mergeAlerts(fresh);
        markTileAlerts();
        showStatus();
        main.dataset.alertsRefreshed = String(Number(main.dataset.alertsRefreshed || 0) + 1);
      }
    } catch (e) {
      // the next change or reconnect tries again
    }
  })();
  await alertsFetch;
  alertsFetch = null;
  if (alertsAgain) {
    alertsAgain = false;
    refreshAlerts();
  }
}

function update(reading) {
  const tile = tiles.get(reading.sensor_id);
  if (!tile || reading.ts_ms < Number(tile.dataset.tsMs || 0)) {
    return; // an older reading (a gateway's catch-up batch) never replaces a newer one
  }
  const previous = tile.dataset.value === '' ? NaN : Number(tile.dataset.value);
  tile.dataset.value = String(reading.value);
  tile.dataset.tsMs = String(reading.ts_ms);
  tile.querySelector('.tile-value').textContent = formatValue(reading.value);
  tile.querySelector('time').textContent = formatTime(reading.ts_ms);
  if (!Number.isNaN(previous)) {
    const band = Math.max(Math.abs(previous) * 0.001, 1e-9);
    const trend = reading.value > previous + band ? 'up' : reading.value < previous - band ? 'down' : 'flat';
    const arrow = tile.querySelector('.tile-trend');
    arrow.textContent = { up: '↑', down: '↓', flat: '→' }[trend];
    arrow.setAttribute('aria-label', `trend ${trend}`);
  }
  judge(tile);
}

function connect() {
  if (!window.EventSource) {
    liveStatus.textContent = 'This browser cannot show live updates; reload for new values.';
    return;
  }
  const position = main.dataset.streamPosition;
  const url = `/sites/${encodeURIComponent(siteId)}/live` + (position ? `?after=${encodeURIComponent(position)}` : '');
  const source = new EventSource(url);
  source.addEventListener('open', () => {
    liveStatus.textContent = 'Live.';
    refreshAlerts(); // something may have changed before this (re)connect: alert changes are not replayed
  });
  source.addEventListener('readings', event => {
    JSON.parse(event.data).readings.forEach(update);
    showStatus();
  });
  source.addEventListener('alerts', () => refreshAlerts());
  source.addEventListener('revoked', () => {
    source.close();
    liveStatus.textContent = 'You no longer have access to this site.';
  });
  source.addEventListener('error', () => {
    // The browser reconnects by itself, sending Last-Event-ID; a refused reconnect closes the source.
    liveStatus.textContent = source.readyState === EventSource.CLOSED ? 'Live updates stopped; reload the page.'
      : 'Reconnecting…';
  });
}

function judgeAll() {
  tiles.forEach(tile => judge(tile));
  showStatus();
}

judgeAll();
setInterval(judgeAll, 5000); // a stopped gateway turns tiles stale, not frozen
connect();

// ---- charts ----
const charts = [...document.querySelectorAll('.chart')];
const plots = new Map();
const rangeForm = document.getElementById('range-form');

function chartWidth(figure) {
  return Math.max(260, figure.clientWidth - 16);
}

function rangeQuery() {
  const data = new FormData(rangeForm);
  const range = data.get('range') || '24h';
  const query = new URLSearchParams({ range, tz: timezone });
  if (range === 'custom') {
    query.set('from', data.get('from'));
    query.set('to', data.get('to'));
  }
  return query;
}

// One request for every chart of the page: the browser opens six connections per host and the live
// stream holds one, so twenty chart fetches would queue; frontend-web fetches them side by side.
let drawing = 0;
async function drawAll() {
  const round = ++drawing;
  charts.forEach(figure => { figure.querySelector('.chart-info').textContent = 'loading…'; });
  let answer;
  try {
    const response = await fetch(`/sites/${encodeURIComponent(siteId)}/history?${rangeQuery()}`,
      { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      charts.forEach(figure => {
        figure.querySelector('.chart-info').textContent = problem.detail || `could not load (${response.status})`;
      });
      return;
    }
    answer = await response.json();
  } catch (e) {
    charts.forEach(figure => { figure.querySelector('.chart-info').textContent = 'could not load'; });
    return;
  }
  if (round !== drawing) return; // a newer range was asked for meanwhile
  charts.forEach(figure => {
    const data = answer.charts[figure.dataset.sensorId];
    const info = figure.querySelector('.chart-info');
    if (!data) {
      info.textContent = 'no such sensor any more; reload the page';
    } else if (data.problem) {
      info.textContent = data.problem.detail || `could not load (${data.problem.status})`;
    } else {
      draw(figure, data);
    }
  });
}

function draw(figure, data) {
  const info = figure.querySelector('.chart-info');
  const plotElement = figure.querySelector('.plot');
  info.textContent = `${data.t.length} points, ${data.aggregate} per ${data.interval}`;
  const limits = limitsOf(figure);
  // A line needs two neighbouring values: a few readings between gaps (a new sensor, a gateway that
  // posts rarely) are drawn as dots, or the chart would look empty.
  const known = data.v.reduce((n, v) => v == null ? n : n + 1, 0);
  const series = [{}, { label: figure.dataset.sensorId, stroke: '#1f6feb', width: 1.5, spanGaps: false,
    points: { show: known > 0 && known <= chartWidth(figure) / 8, size: 5, fill: '#1f6feb' },
    value: (u, v) => v == null ? '–' : `${formatValue(v)} ${figure.dataset.unit}` }];
  const columns = [data.t, data.v];
  limits.forEach(l => {
    series.push({ label: `limit (${l.operator})`, stroke: '#d1242f', dash: [6, 4], width: 1, points: { show: false } });
    columns.push(data.t.map(() => l.limit));
  });
  const options = {
    width: chartWidth(figure), height: 200, series,
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), timezone),
    scales: { x: { time: true, range: [data.from, data.to] } },
    axes: [{ values: axisLabels(data.to - data.from) }, { size: 60 }],
    legend: { live: true },
  };
  plots.get(figure)?.destroy();
  plotElement.replaceChildren();
  plots.set(figure, new uPlot(options, columns, plotElement));
  figure.dataset.drawn = String(data.t.length);
}

rangeForm.addEventListener('submit', event => {
  event.preventDefault();
  const data = new FormData(rangeForm);
  if (data.get('range') === 'custom' && (!data.get('from') || !data.get('to'))) {
    rangeForm.querySelector('#range-from').focus();
    return;
  }
  drawAll();
});
rangeForm.querySelectorAll('input[name=range]').forEach(radio => radio.addEventListener('change', () => {
  if (radio.value !== 'custom') drawAll();
}));
window.addEventListener('resize', () => plots.forEach((plot, figure) => plot.setSize({ width: chartWidth(figure), height: 200 })));
drawAll();
