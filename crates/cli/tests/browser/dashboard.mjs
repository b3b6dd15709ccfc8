// Drives the sitrep dashboard in Debian's headless Chromium with playwright-core.
// Usage: node dashboard.mjs URL ARTIFACT_DIR
// The store behind URL holds the multi-source sample (crates/dedup/test_data):
// 14 articles, 15 events, 10 incidents, 3 of them from several sources.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const [url, artifacts] = process.argv.slice(2);
if (!url || !artifacts) {
  console.error("usage: node dashboard.mjs URL ARTIFACT_DIR");
  process.exit(2);
}
mkdirSync(artifacts, { recursive: true });
const executablePath = process.env.SITREP_CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "sitrep-chromium-"));

let passed = 0;
let failed = 0;
async function step(name, body) {
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error.message}`);
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(15000);
const pageErrors = [];
page.on("pageerror", (error) => pageErrors.push(error.message));
const rows = () => page.locator("[data-testid=events] tbody tr");
const rowCount = async (n) => page.waitForFunction((n) => document.querySelectorAll("#events tbody tr").length === n, n);

try {
  await step("the dashboard loads with every incident", async () => {
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");
    await rowCount(10);
    const summary = await page.textContent("[data-testid=summary]");
    expect(/10 events from 15 reports/.test(summary), `summary: ${summary}`);
  });

  await step("the basemap and the events are drawn", async () => {
    await page.waitForFunction(() => state.basemap && state.basemap.countries.length > 200);
    const colours = await page.evaluate(() => {
      const canvas = document.querySelector("#map");
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      const seen = new Set();
      for (let i = 0; i < data.length; i += 4 * 97) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
      return seen.size;
    });
    expect(colours > 5, `the map looks blank (${colours} colours)`);
  });

  await step("filtering by event type narrows the table", async () => {
    await page.selectOption("[data-testid=filter-type]", "Battles");
    await page.click("[data-testid=apply]");
    await rowCount(2);
    await page.fill("[data-testid=filter-actor]", "Islamic State");
    await page.click("[data-testid=apply]");
    await rowCount(1);
    await page.click("#reset-filters");
    await rowCount(10);
  });

  await step("text search over evidence finds every outlet's wording", async () => {
    await page.fill("[data-testid=filter-text]", "souk");
    await page.click("[data-testid=apply]");
    await rowCount(1);
    const sources = (await rows().first().locator("td").last().textContent()).trim();
    expect(sources === "3", `the strike has 3 sources, the row says ${sources}`);
    await page.click("#reset-filters");
    await rowCount(10);
  });

  await step("clicking an event shows its sources and the evidence highlighted in its article", async () => {
    await rows().filter({ hasText: "2024-03-14" }).first().click();
    await page.waitForSelector("[data-testid=detail] [data-testid=source]");
    expect(await page.locator("[data-testid=source]").count() === 3, "three sources expected");
    const mark = page.locator("[data-testid=article] mark");
    await mark.waitFor();
    const marked = await mark.textContent();
    expect(marked.startsWith("Warplanes struck a crowded market"), `highlight: ${marked}`);
    const article = await page.textContent("[data-testid=article]");
    expect(article.includes("Rescuers were still searching"), "the whole article is shown");
    await page.locator("[data-testid=source] button").nth(1).click();
    await page.waitForFunction(() => document.querySelector("#article mark")?.textContent.startsWith("Russian jets bombed"));
    const detail = await page.textContent("[data-testid=detail]");
    expect(/ACLED: 11, the lowest report/.test(detail), "the lowest reported toll is the fatality count");
  });

  await step("clicking a point on the map selects its event", async () => {
    const target = await page.evaluate(() => {
      const event = state.events.find((e) => e.location?.name === "Mombasa");
      const [x, y] = project(event.location.lon, event.location.lat);
      return { x, y, id: event.id };
    });
    const box = await page.locator("#map").boundingBox();
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForFunction((id) => state.selected === id, target.id);
    await page.waitForFunction(() => document.querySelector("#article mark")?.textContent.includes("Mombasa"));
  });

  await step("brushing the timeline sets the date filters", async () => {
    const box = await page.locator("#timeline").boundingBox();
    await page.mouse.move(box.x + box.width * 0.5, box.y + 30);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 12, box.y + 30, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector("[name=from]").value !== "");
    const from = await page.inputValue("[data-testid=filter-from]");
    const to = await page.inputValue("[data-testid=filter-to]");
    expect(from > "2024-03-05" && to === "2024-03-20", `brushed ${from}..${to}`);
    await page.waitForFunction(() => document.querySelectorAll("#events tbody tr").length < 10);
    await page.click("#reset-filters");
    await rowCount(10);
  });

  await step("a pasted article is extracted and shown", async () => {
    await page.fill("[data-testid=paste-text]",
      "Security forces opened fire on demonstrators in Khartoum on Saturday, killing three people, a doctors' union said. Thousands had marched towards the presidential palace.");
    await page.fill("#paste-published", "2024-03-16");
    await page.click("[data-testid=paste-go]");
    const count = await page.waitForSelector("[data-testid=paste-count]");
    const text = await count.textContent();
    expect(/^\d+ events?, \d+ figures? found \((added|unchanged)\)/.test(text), `paste result: ${text}`);
    await page.waitForFunction(() => /articles in store/.test(document.querySelector("#summary").textContent));
    const summary = await page.textContent("[data-testid=summary]");
    expect(/15 articles in store/.test(summary), `the pasted article is stored: ${summary}`);
  });

  await step("the page raised no script errors", async () => {
    expect(pageErrors.length === 0, pageErrors.join("; "));
  });

  // Leave a screenshot with an event selected, for a person to look at.
  await step("a screenshot is saved", async () => {
    await rows().filter({ hasText: "2024-03-14" }).first().click();
    await page.locator("[data-testid=article] mark").waitFor();
    await page.screenshot({ path: join(artifacts, "dashboard.png") });
    console.log(`screenshot: ${join(artifacts, "dashboard.png")}`);
  });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
