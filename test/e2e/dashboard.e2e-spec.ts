import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import request from 'supertest';
import { DemoSeeder } from '../../src/modules/demo/demo.seeder.js';
import { projectRoot } from '../../src/platform/project-root.js';
import { startTestApp, type TenantKeys, type TestApp } from '../support/test-app.js';

/**
 * The dashboard (GET /) in a real browser: Debian's Chromium driven by playwright-core against
 * the app over HTTP, in a tenant loaded with the demo data (the Anonymous Bank, October 1999:
 * channels, two weeks of calls, a seasonal-naive forecast of the second week, a staffing plan,
 * and schedules and agent states derived from the agent ids of the second week's calls).
 * Expected KPIs come from the API itself, rolled up by the server over the whole range (the
 * week lies inside October, so one `granularity=month` row is the whole range), an independent
 * path from the page's own sums of interval rows.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SKIP_REASON = `skipped: ${CHROMIUM} not found (apt-get install chromium; .ci/run installs it)`;
if (!hasChromium) process.stdout.write(`\n[dashboard browser test ${SKIP_REASON}]\n`);
/** Without Chromium the suite is skipped, with the reason in its title (what the test report shows). */
const describeBrowser = hasChromium ? describe : (title: string, body: () => void): void => describe.skip(`${title} [${SKIP_REASON}]`, body);
const ARTIFACTS = join(projectRoot(), 'test/artifacts');

interface ChartSeries {
  label: string;
  points: number;
}

// Page-side reads as expressions (run by the debugger protocol, not by eval, so the page's CSP allows them).

/** The Chart.js instances of the page: labels and, per dataset, the count of non-null points. */
function chartsOf(page: Page): Promise<Record<string, { labels: number; series: ChartSeries[] }>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('canvas')].map((canvas) => {
    const chart = window.Chart.getChart(canvas);
    return [canvas.id, { labels: chart.data.labels.length, series: chart.data.datasets.map((d) => ({ label: d.label, points: d.data.filter((v) => v !== null).length })) }];
  }))`);
}

/** Each tile's raw value (data-value, '' for none) and its text. */
function tilesOf(page: Page): Promise<Record<string, { value: number | null; text: string }>> {
  return page.evaluate(`Object.fromEntries([...document.querySelectorAll('.tile')].map((t) =>
    [t.dataset.kpi, { value: t.dataset.value ? Number(t.dataset.value) : null, text: t.querySelector('.value').textContent }]))`);
}

/** What the page functions below read of the page (this project compiles without the DOM library). */
interface PageGlobals {
  document: { body: { dataset: Record<string, string | undefined> }; getElementById(id: string): { textContent: string | null } | null };
  wfmDashboard?: { range: { channel: string; firstDay: string } };
}

/** Waits until the page has drawn `channel` from `firstDay` (any day when null); a function, since the page's CSP refuses eval. */
async function waitForDrawn(page: Page, channel: string | null = null, firstDay: string | null = null): Promise<void> {
  await page.waitForFunction(([c, d]) => {
    const g = globalThis as unknown as PageGlobals;
    return g.document.body.dataset.state === 'ready' && (c === null || g.wfmDashboard?.range.channel === c) && (d === null || g.wfmDashboard?.range.firstDay === d);
  }, [channel, firstDay] as const);
}

describeBrowser(`the dashboard in Chromium (skipped when ${CHROMIUM} is absent)`, () => {
  let t: TestApp;
  let tenant: TenantKeys;
  let browser: Browser;
  let forecastVersionId: string;
  const get = (path: string) => request(t.baseUrl).get(path).set('Authorization', `Bearer ${tenant.keys.analyst}`).expect(200);

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await t.newTenant();
    ({ forecastVersionId } = await t.app.get(DemoSeeder).seedTenant(tenant.tenantId));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A new page with the key typed in; `problems` collects its script errors and failed loads (a CSP refusal among them). */
  async function openWithKey(key: string): Promise<{ page: Page; problems: string[] }> {
    const problems: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    await page.goto(`${t.baseUrl}/`);
    await page.fill('#api-key', key);
    await page.click('#key-form button[type=submit]');
    return { page, problems };
  }

  it('opens on the most recent week with actuals, draws every series and shows the range KPIs the API computes', async () => {
    const { page, problems } = await openWithKey(tenant.keys.analyst);
    await waitForDrawn(page);
    await page.selectOption('#channel', 'retail');
    await waitForDrawn(page, 'retail');

    // data/README.md: the demo's last week of calls is Sunday 10 to Saturday 16 October 1999.
    expect(await page.inputValue('#from')).toBe('1999-10-10');
    expect(await page.inputValue('#to')).toBe('1999-10-16');
    const from = '1999-10-10T00:00:00%2B02:00'; // Israel Standard Time (DST ended 3 September 1999)
    const to = '1999-10-17T00:00:00%2B02:00';

    const charts = await chartsOf(page);
    expect(Object.keys(charts).sort()).toEqual(['chart-agents', 'chart-service-level', 'chart-volume']);
    for (const [id, chart] of Object.entries(charts)) {
      expect(chart.labels).toBe(7 * 48); // every half-hour of the 7 days (no clock change that week)
      for (const s of chart.series) expect({ id, label: s.label, hasPoints: s.points > 0 }).toEqual({ id, label: s.label, hasPoints: true });
    }
    // Each series has exactly the non-null values the report returns for its column.
    const rows = (await get(`/api/v1/reports/interval-comparison?channel=retail&from=${from}&to=${to}&limit=10000`)).body.data as Array<Record<string, number | null>>;
    const present = (field: string): number => rows.filter((r) => r[field] !== null).length;
    const columns: Record<string, string[]> = {
      'chart-volume': ['forecastVolume', 'actualOffered'],
      'chart-agents': ['requiredAgents', 'scheduledAgents', 'staffedAgents'],
      'chart-service-level': ['serviceLevelAchieved', 'serviceLevelGoal', 'serviceLevelPredicted'],
    };
    for (const [id, fields] of Object.entries(columns)) expect({ id, points: charts[id].series.map((s) => s.points) }).toEqual({ id, points: fields.map(present) });
    expect(charts['chart-volume'].series.map((s) => s.label)).toEqual(['forecast', 'actual offered']);
    expect(charts['chart-agents'].series.map((s) => s.label)).toEqual(['required', 'scheduled', 'staffed']);
    expect(charts['chart-service-level'].series.map((s) => s.label)).toEqual(['achieved', 'goal', 'predicted']);

    // The same range rolled up by the server (one October row each).
    const [month] = (await get(`/api/v1/reports/interval-comparison?channel=retail&from=${from}&to=${to}&granularity=month`)).body.data as Array<Record<string, number>>;
    const accuracy = (await get(`/api/v1/reports/forecast-accuracy?channel=retail&from=${from}&to=${to}&forecastVersion=${forecastVersionId}&granularity=month`)).body.summary as Array<{ channel: string; wape: number }>;
    const adherence = (await get(`/api/v1/adherence?level=channel&granularity=month&from=${from}&to=${to}`)).body.data as Array<{ key: string; adherence: number }>;
    const expected: Record<string, number> = {
      serviceLevel: month.serviceLevelAchieved,
      asaSeconds: month.asaSeconds,
      abandonRate: month.abandonRate,
      occupancy: month.occupancy,
      forecastAccuracy: 1 - accuracy.find((a) => a.channel === 'retail')!.wape,
      adherence: adherence.find((a) => a.key === 'retail')!.adherence,
    };
    const tiles = await tilesOf(page);
    for (const [kpi, value] of Object.entries(expected)) {
      expect(typeof value).toBe('number');
      expect({ kpi, value: tiles[kpi].value }).toEqual({ kpi, value: expect.closeTo(value, 12) as number });
      expect(tiles[kpi].text).toBe(kpi === 'asaSeconds' ? `${value.toFixed(1)} s` : `${(100 * value).toFixed(1)} %`);
    }

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows "no data" for a channel without inputs, and a chosen range', async () => {
    const { page, problems } = await openWithKey(tenant.keys.planner);
    await waitForDrawn(page);
    await page.selectOption('#channel', 'it-service-desk');
    await waitForDrawn(page, 'it-service-desk');
    const tiles = await tilesOf(page);
    expect(Object.values(tiles)).toEqual(Array(6).fill({ value: null, text: 'no data' }));
    for (const chart of Object.values(await chartsOf(page))) expect(chart.series.every((s) => s.points === 0)).toBe(true);

    // A chosen range: the first demo week (3-9 October) has actuals but no forecast, plan or schedules.
    await page.selectOption('#channel', 'retail');
    await waitForDrawn(page, 'retail');
    await page.fill('#from', '1999-10-03');
    await page.fill('#to', '1999-10-09');
    await page.click('#controls button[type=submit]');
    await waitForDrawn(page, 'retail', '1999-10-03');
    const first = await tilesOf(page);
    expect(first.serviceLevel.value).not.toBeNull();
    expect(first.forecastAccuracy.text).toBe('no data');
    expect(await page.textContent('.tile[data-kpi="forecastAccuracy"] .sub')).toBe('no forecast in this range');
    expect(first.adherence.text).toBe('no data');
    const charts = await chartsOf(page);
    expect(charts['chart-volume'].series.map((s) => s.points > 0)).toEqual([false, true]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('paints the newest range when an older answer arrives late, keeps the days across channels, refuses From after To, and titles the axes', async () => {
    const { page, problems } = await openWithKey(tenant.keys.analyst);
    await waitForDrawn(page);
    await page.selectOption('#channel', 'retail');
    await waitForDrawn(page, 'retail');
    // The first range's reports answer two seconds late; the second range is asked meanwhile.
    await page.route('**/api/v1/reports/interval-comparison**', async (route) => {
      if (route.request().url().includes('1999-10-03')) await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    // Both asked in one task, as two quick clicks would (no answer can arrive in between).
    await page.evaluate(`(() => {
      const ask = (from, to) => {
        document.getElementById('from').value = from;
        document.getElementById('to').value = to;
        document.getElementById('controls').requestSubmit();
      };
      ask('1999-10-03', '1999-10-09');
      ask('1999-10-10', '1999-10-16');
    })()`);
    await waitForDrawn(page, 'retail', '1999-10-10');
    await page.waitForTimeout(2500); // the late answer has arrived by now
    const shown = await page.evaluate('({ range: window.wfmDashboard.range.firstDay, from: document.getElementById("from").value, state: document.body.dataset.state })');
    expect(shown).toEqual({ range: '1999-10-10', from: '1999-10-10', state: 'ready' });
    await page.unroute('**/api/v1/reports/interval-comparison**');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-newest-range.png'), fullPage: true });

    // Another bank channel has actuals in the chosen week: the days stay.
    await page.fill('#from', '1999-10-04');
    await page.fill('#to', '1999-10-06');
    await page.click('#controls button[type=submit]');
    await waitForDrawn(page, 'retail', '1999-10-04');
    await page.selectOption('#channel', 'english');
    await waitForDrawn(page, 'english');
    expect([await page.inputValue('#from'), await page.inputValue('#to')]).toEqual(['1999-10-04', '1999-10-06']);

    // From after To: refused on the page, nothing is read.
    await page.fill('#from', '1999-10-09');
    await page.fill('#to', '1999-10-05');
    await page.click('#controls button[type=submit]');
    expect(await page.textContent('#status')).toBe('From (1999-10-09) is after To (1999-10-05): choose a From on or before To.');
    expect(await page.evaluate('window.wfmDashboard.range.firstDay')).toBe('1999-10-04');

    // Axes carry units.
    const units = await page.evaluate(`Object.fromEntries([...document.querySelectorAll('canvas')].map((c) => [c.id, window.Chart.getChart(c).options.scales.y.title.text]))`);
    expect(units).toEqual({ 'chart-volume': 'contacts per 30 min', 'chart-agents': 'agents', 'chart-service-level': '% of contacts' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('asks for the key again when the API refuses it', async () => {
    const { page } = await openWithKey('wfm_not_a_key_of_this_app_000000');
    await page.waitForFunction(() => {
      const g = globalThis as unknown as PageGlobals;
      return g.document.body.dataset.state === 'key' && (g.document.getElementById('status')?.textContent ?? '') !== '';
    });
    expect(await page.isVisible('#key-form')).toBe(true);
    expect(await page.textContent('#status')).toBe('The API key was refused: type a valid key.');
    await page.close();
  });
});
