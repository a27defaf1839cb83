// The planner's dashboard: one channel, one date range, four API reads, three charts, six tiles.
import { rangeKpis } from './kpis.js';

const KEY = 'wfm.apiKey';
const CHANNEL = 'wfm.channel';
const $ = (id) => document.getElementById(id);
const charts = {};

class Unauthorized extends Error {}

function status(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

async function api(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  const res = await fetch(url, { headers: { Authorization: `Bearer ${sessionStorage.getItem(KEY)}`, Accept: 'application/json' } });
  if (res.status === 401) throw new Unauthorized();
  const body = await res.json();
  if (!res.ok) throw new Error(`${path}: ${body.code ?? res.status} ${body.message ?? ''}`);
  return body;
}

/** Every row of a cursor-paged list. */
async function all(path, params) {
  const rows = [];
  let cursor;
  do {
    const page = await api(path, { ...params, limit: 10000, cursor });
    rows.push(...page.data);
    cursor = page.next;
  } while (cursor);
  return rows;
}

/** A missing input is "no data", not an error: a read that fails answers null and is named in `failed`. */
const orNull = (name, promise, failed) => promise.catch((e) => {
  if (e instanceof Unauthorized) throw e;
  failed.push(name);
  console.warn(e);
  return null;
});

/** Whether the channel has actuals inside the range. */
const hasActualsIn = (range) => range.firstActualStart !== null
  && Date.parse(range.firstActualStart) < Date.parse(range.to) && Date.parse(range.lastActualStart) >= Date.parse(range.from);

const dayAfter = (day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const pct = (v, digits = 1) => `${(100 * v).toFixed(digits)} %`;
const FORMATS = {
  serviceLevel: pct, abandonRate: pct, occupancy: pct, forecastAccuracy: pct, adherence: pct,
  asaSeconds: (v) => `${v.toFixed(1)} s`,
};

function renderTiles(kpis, goal) {
  for (const tile of document.querySelectorAll('.tile')) {
    const name = tile.dataset.kpi;
    const v = kpis[name];
    const value = tile.querySelector('.value');
    tile.dataset.value = v === null ? '' : String(v);
    value.textContent = v === null ? 'no data' : FORMATS[name](v);
    value.classList.toggle('none', v === null);
    tile.classList.remove('good', 'bad');
    if (name === 'serviceLevel') {
      tile.querySelector('.sub').textContent = `goal ${pct(goal, 0)}`;
      if (v !== null) tile.classList.add(v >= goal ? 'good' : 'bad');
    }
    if (name === 'forecastAccuracy') {
      tile.querySelector('.sub').textContent = kpis.forecastIntervals === 0 ? 'no forecast in this range'
        : kpis.matchedIntervals === 0 ? 'no actuals for the forecast intervals'
          : kpis.forecastWape === null ? 'no contacts offered' : `1 − WAPE over ${kpis.matchedIntervals} intervals (WAPE ${pct(kpis.forecastWape)})`;
    }
  }
}

const COLORS = { forecast: '#9ca3af', actual: '#2563eb', required: '#dc2626', scheduled: '#f59e0b', staffed: '#059669', goal: '#6b7280', achieved: '#2563eb', predicted: '#9333ea' };

function series(name, color, data, extra = {}) {
  return { label: name, data, borderColor: color, backgroundColor: color, borderWidth: 1.5, pointRadius: 0, spanGaps: false, ...extra };
}

/** A line chart; `unit` titles the y axis. Missing values are null: gaps in the lines, never drops to zero. */
function drawChart(id, labels, datasets, unit, yOptions = {}) {
  charts[id]?.destroy();
  const points = datasets.reduce((n, d) => n + d.data.filter((v) => v !== null).length, 0);
  const canvas = $(id);
  canvas.dataset.points = String(points);
  canvas.parentElement.classList.toggle('empty', points === 0);
  charts[id] = new window.Chart(canvas, {
    type: 'line',
    data: { labels, datasets },
    options: {
      animation: false, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
      plugins: { legend: { position: 'top', align: 'end', labels: { boxWidth: 12, boxHeight: 2 } } },
      scales: {
        x: { ticks: { maxTicksLimit: 14, maxRotation: 0 }, grid: { display: false } },
        y: { beginAtZero: true, title: { display: true, text: unit }, ...yOptions },
      },
    },
  });
}

/** Every interval of the range on the x axis (nights and closed hours included), labelled on the channel's clock. */
function renderCharts(rows, range) {
  const step = range.intervalMinutes * 60_000;
  const byStart = new Map(rows.map((r) => [Date.parse(r.periodStart), r]));
  const times = [];
  for (let t = Date.parse(range.from); t < Date.parse(range.to); t += step) times.push(t);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone: range.timeZone, weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const labels = times.map((t) => clock.format(t).replace(',', ''));
  const col = (f, scale = 1) => times.map((t) => { const v = byStart.get(t)?.[f]; return v === undefined || v === null ? null : v * scale; });
  drawChart('chart-volume', labels, [
    series('forecast', COLORS.forecast, col('forecastVolume'), { borderDash: [4, 3] }),
    series('actual offered', COLORS.actual, col('actualOffered')),
  ], `contacts per ${range.intervalMinutes} min`);
  drawChart('chart-agents', labels, [
    series('required', COLORS.required, col('requiredAgents'), { stepped: true }),
    series('scheduled', COLORS.scheduled, col('scheduledAgents')),
    series('staffed', COLORS.staffed, col('staffedAgents')),
  ], 'agents');
  drawChart('chart-service-level', labels, [
    series('achieved', COLORS.achieved, col('serviceLevelAchieved', 100)),
    series('goal', COLORS.goal, col('serviceLevelGoal', 100), { borderDash: [4, 3] }),
    series('predicted', COLORS.predicted, col('serviceLevelPredicted', 100)),
  ], '% of contacts', { max: 100, ticks: { callback: (v) => `${v} %` } });
}

/** The newest request: an answer to an older one arrives late and is dropped (never paints another range). */
let latest = 0;

/**
 * Shows a channel over [firstDay, lastDay] (default: its most recent week with actuals). With
 * `keepIfData`, the days are kept only when the channel has actuals in them, else its default.
 */
async function show(channel, firstDay, lastDay, keepIfData = false) {
  const ticket = ++latest;
  document.body.dataset.state = 'loading';
  status('Loading…');
  sessionStorage.setItem(CHANNEL, channel);
  let range = await api('/api/v1/dashboard/range', { channel, from: firstDay, to: lastDay ? dayAfter(lastDay) : undefined });
  if (ticket !== latest) return;
  if (keepIfData && firstDay && !hasActualsIn(range)) range = await api('/api/v1/dashboard/range', { channel });
  if (ticket !== latest) return;
  $('from').value = range.firstDay;
  $('to').value = range.lastDay;
  $('range-note').textContent = range.lastActualStart ? `${range.timeZone} · actuals up to ${range.lastActualStart.slice(0, 10)}` : `${range.timeZone} · no actuals yet`;
  const span = { channel, from: range.from, to: range.to };
  const failed = [];
  const [comparison, actuals, adherence] = await Promise.all([
    orNull('interval comparison', all('/api/v1/reports/interval-comparison', { ...span, granularity: 'interval' }), failed),
    orNull('actuals', all('/api/v1/actuals/intervals', span), failed),
    orNull('adherence', all('/api/v1/adherence', { from: range.from, to: range.to, level: 'channel', granularity: 'day' }), failed),
  ]);
  if (ticket !== latest) return;
  const kpis = rangeKpis({ comparison, actuals, adherence, channel, intervalSeconds: range.intervalMinutes * 60 });
  renderTiles(kpis, range.serviceLevelTarget);
  renderCharts(comparison ?? [], range);
  window.wfmDashboard = { range, kpis, charts };
  status(`${channel}: ${range.firstDay} to ${range.lastDay} · ${(comparison ?? []).length} intervals with data` + (failed.length ? ` · could not read: ${failed.join(', ')} (shown as no data)` : ''));
  document.body.dataset.state = 'ready';
}

async function start() {
  $('key-form').hidden = true;
  $('dashboard').hidden = false;
  $('forget-key').hidden = false;
  const channels = await all('/api/v1/channels', {});
  const select = $('channel');
  select.replaceChildren(...channels.map((c) => new Option(`${c.code} · ${c.name}`, c.code)));
  if (!channels.length) return status('No channels yet: PUT /api/v1/channels/{code} first.');
  // The channel chosen before in this tab, else the one with the most intervals of actuals.
  let chosen = channels.find((c) => c.code === sessionStorage.getItem(CHANNEL))?.code;
  if (!chosen) {
    const ranges = await Promise.all(channels.map((c) => api('/api/v1/dashboard/range', { channel: c.code })));
    chosen = ranges.reduce((best, r) => (r.actualIntervals > best.actualIntervals ? r : best)).channel;
  }
  select.value = chosen;
  await show(select.value);
}

function askForKey(message = '') {
  $('dashboard').hidden = true;
  $('forget-key').hidden = true;
  $('key-form').hidden = false;
  document.body.dataset.state = 'key';
  status(message, message !== '');
  $('api-key').focus();
}

async function run(task) {
  try {
    await task();
  } catch (e) {
    if (e instanceof Unauthorized) {
      sessionStorage.removeItem(KEY);
      askForKey('The API key was refused: type a valid key.');
    } else {
      status(e.message, true);
      document.body.dataset.state = 'error';
    }
  }
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('api-key').value.trim());
  $('api-key').value = '';
  void run(start);
});
$('controls').addEventListener('submit', (event) => {
  event.preventDefault();
  const [from, to] = [$('from').value, $('to').value];
  if (from > to) {
    status(`From (${from}) is after To (${to}): choose a From on or before To.`, true);
    return;
  }
  void run(() => show($('channel').value, from, to));
});
// Another channel keeps the chosen days when it has actuals in them.
$('channel').addEventListener('change', () => void run(() => show($('channel').value, $('from').value, $('to').value, true)));
$('forget-key').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  askForKey();
});

if (sessionStorage.getItem(KEY)) void run(start);
else askForKey();
