// End-to-end tests of the built bundle (dist/, from `make build`) in headless Chromium, driven by
// Playwright's playwright-core (Debian's Chromium; no browser download). `make test-e2e` runs them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { serve } from "./serve.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");

const CREATE =
  "aws lambda create-function --function-name orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip";

let browser, app, other;
// The host page on the other origin (set by the test that uses it).
let hostPage = "";

before(async () => {
  other = await serve(join(root, "dist"), { pages: { "/host.html": () => hostPage } });
  app = await serve(join(root, "dist"), { frameAncestors: [other.origin] });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
});

after(async () => {
  await browser?.close();
  await app?.close();
  await other?.close();
});

/// A fresh page (its own storage) that records console errors, page errors and CSP violations.
async function open(path, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  if (path !== null) await page.goto(app.origin + path);
  return { page, context, problems };
}

async function consoleLine(page, line) {
  const input = page.getByTestId("console-input");
  await input.fill(line);
  await input.press("Enter");
}

const rows = (page) =>
  page.$$eval('[data-testid="function-version"]', (rs) =>
    rs.map((r) => `${r.dataset.function}:${r.dataset.qualifier} ${r.dataset.runtimeVersion}`),
  );

test("the playground boots under the CSP that make build writes, with no errors", async () => {
  const { page, context, problems } = await open("/");
  await page.getByTestId("console-input").waitFor();
  await consoleLine(page, CREATE);
  await page.locator('[data-testid="function-version"]').first().waitFor();
  await page.getByTestId("share").click();
  await page.getByTestId("share-link").waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test("a reload restores the session; a save this build cannot read is reported and kept", async () => {
  const { page, context } = await open("/");
  await consoleLine(page, CREATE);
  await page.waitForFunction(() =>
    (localStorage.getItem("lambda-runtime-playground.session") ?? "").includes("create-function"),
  );
  await page.reload();
  await page.getByTestId("banner").filter({ hasText: "Restored your session" }).waitFor();
  assert.deepEqual(await rows(page), ["orders:$LATEST python:3.9.v14"]);

  await page.evaluate(() => localStorage.setItem("lambda-runtime-playground.session", "{not a session"));
  await page.reload();
  await page.getByTestId("banner").filter({ hasText: "could not be read" }).waitFor();
  const kept = await page.evaluate(() => localStorage.getItem("lambda-runtime-playground.unreadable"));
  assert.equal(kept, "{not a session");
  await context.close();
});

test("an old #s= link and the v2 link its Share popover makes open the same state", async () => {
  const script = [CREATE, "aws lambda publish-version --function-name orders", "sim release python3.9", "sim advance 3d"];
  const old = "#s=" + Buffer.from(script.join("\n")).toString("base64url");
  const { page, context } = await open("/" + old);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="function-version"]').length === 2);
  const before = await rows(page);
  const clock = await page.getByTestId("clock").textContent();
  await page.getByTestId("share").click();
  const link = await page.getByTestId("share-link").inputValue();
  assert.match(link, /#v2\./);
  assert.ok(link.length < app.origin.length + old.length, `v2 is shorter: ${link.length} vs ${old.length}`);
  assert.ok(page.url().includes("#v2."), "the address bar shows the new link");
  await context.close();

  const fresh = await open(null);
  await fresh.page.goto(link);
  await fresh.page.waitForFunction(() => document.querySelectorAll('[data-testid="function-version"]').length === 2);
  assert.deepEqual(await rows(fresh.page), before);
  assert.equal(await fresh.page.getByTestId("clock").textContent(), clock);
  await fresh.context.close();
});

test("a damaged link says so in a banner and opens nothing", async () => {
  const { page, context } = await open("/#v2.%%%");
  await page.getByTestId("banner").filter({ hasText: "could not be read: nothing in it was kept" }).waitFor();
  assert.deepEqual(await rows(page), []);
  await context.close();
});

test("the documentation page's embeds stay in their containers, ignore the host's address and keep ids unique", async () => {
  // The host's own address holds a share link and a tab: the embeds must not take them.
  const hostLink = "#s=" + Buffer.from(CREATE).toString("base64url");
  const { page, context, problems } = await open(`/docs/embed/?tab=logs${hostLink}`, { width: 1280, height: 900 });
  await page.locator('[data-testid="embed-rollout"] [data-testid="function-version"], [data-testid="embed-rollout"] [data-testid="timeline"]').first().waitFor();
  await page.locator('[data-testid="embed-manual"] [data-testid="console-input"]').waitFor();
  await page.getByTestId("frame-status").filter({ hasText: "The playground ran" }).waitFor();

  for (const id of ["embed-rollout", "embed-manual", "embed-frame"]) {
    const box = await page.getByTestId(id).boundingBox();
    const inner = await page.evaluate((id) => {
      const host = document.querySelector(`[data-testid="${id}"]`);
      const content = host.querySelector(".playground") ?? host;
      const r = content.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, id);
    assert.ok(inner.x >= box.x - 1 && inner.y >= box.y - 1, `${id} starts inside its container`);
    assert.ok(inner.x + inner.width <= box.x + box.width + 1, `${id} ends inside its container horizontally`);
    assert.ok(inner.y + inner.height <= box.y + box.height + 1, `${id} ends inside its container vertically`);
  }
  // The prose after each embed is not covered by it.
  const covered = await page.evaluate(() =>
    [...document.querySelectorAll(".doc > p, .doc > h2")].filter((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + 4, r.y + r.height / 2);
      return r.width > 0 && top && !el.contains(top) && top !== el && r.y > 0 && r.y < innerHeight;
    }).length,
  );
  assert.equal(covered, 0, "no paragraph is covered by an embed");

  // The host's #s= and ?tab= were not taken: the console embed shows its console, its own script's function.
  const manualRows = await page.$$eval('[data-testid="embed-manual"] [data-testid="console-output"]', (o) => o.map((e) => e.textContent));
  assert.ok(manualRows[0].includes("put-runtime-management-config"), "the console embed ran its own script");
  const timelineText = await page.getByTestId("embed-rollout").textContent();
  assert.ok(timelineText.includes("payments"), "the timeline embed shows its own script's functions");
  assert.ok(!page.url().includes("#v2."), "an embed leaves the host's address alone");

  const ids = await page.$$eval("[id]", (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("an embed whose page opts in keeps what the reader typed across a reload; the other embeds keep nothing", async () => {
  const { page, context, problems } = await open("/docs/embed/", { width: 1280, height: 900 });
  const manual = page.getByTestId("embed-manual");
  await manual.getByTestId("console-input").waitFor();
  await consoleLine(manual, "aws lambda get-function-configuration --function-name orders --query Runtime");
  await page.waitForFunction(() => localStorage.getItem("lambda-runtime-playground.embed.docs-example-manual")?.includes("--query Runtime"));
  await page.reload();
  await manual.getByTestId("banner").filter({ hasText: "Restored your session from" }).waitFor();
  assert.ok((await manual.getByTestId("console-output").textContent()).includes("--query Runtime"), "the reader's line is back");
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys, ["lambda-runtime-playground.embed.docs-example-manual"], "only the opted-in embed wrote");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the iframe answers postMessage from the allowed origin only", async () => {
  const protocol = "lambda-runtime-playground/1";
  // A host page on another origin that frames embed.html twice: once allowing that origin, once not.
  hostPage = `<!DOCTYPE html><html><body>
    <iframe id="allowed" style="width:800px;height:500px" src="${app.origin}/embed.html?view=console&parent=${encodeURIComponent(other.origin)}"></iframe>
    <iframe id="refused" style="width:800px;height:500px" src="${app.origin}/embed.html?view=console&parent=${encodeURIComponent("https://docs.example.com")}"></iframe>
    <script>
      window.received = { allowed: [], refused: [] };
      addEventListener("message", (e) => {
        for (const id of ["allowed", "refused"]) {
          if (e.source === document.getElementById(id).contentWindow) window.received[id].push(e.data);
        }
      });
    </script></body></html>`;
  const { page, context } = await open(null);
  await page.goto(`${other.origin}/host.html`);
  await page.waitForFunction(() => window.received.allowed.some((m) => m.type === "ready"));

  const send = (id, message) =>
    page.evaluate(
      ([id, message, target]) => document.getElementById(id).contentWindow.postMessage(message, target),
      [id, message, app.origin],
    );
  await send("allowed", { protocol, type: "run", lines: [CREATE] });
  await page.waitForFunction(() => window.received.allowed.some((m) => m.type === "state" && m.lines === 1));
  const state = await page.evaluate(() => window.received.allowed.filter((m) => m.type === "state").at(-1));
  assert.equal(state.last.ok, true);
  assert.equal(state.last.command, "aws lambda create-function --function-name orders --runtime python3.9 --role arn:aws:iam::123456789012:role/lambda-role --handler app.handler --zip-file fileb://orders.zip");
  await send("allowed", { protocol, type: "dance" });
  await page.waitForFunction(() => window.received.allowed.some((m) => m.type === "error"));

  // The frame that allows only docs.example.com neither says ready to this page nor takes its messages.
  await send("refused", { protocol, type: "run", lines: [CREATE] });
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.received.refused), []);
  const refusedRows = await page.frameLocator("#refused").locator('[data-testid="console-output"]').textContent();
  assert.ok(!refusedRows.includes("--function-name orders"), "the refused message ran nothing");
  await context.close();
});

const axeSource = require.resolve("axe-core/axe.min.js");

/// axe-core's violations on a page (the page's CSP is bypassed to inject the checker only).
async function violations(path, colorScheme) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(app.origin + path);
  await page.locator(".playground").first().waitFor();
  await page.waitForTimeout(300);
  await page.addScriptTag({ path: axeSource });
  const found = await page.evaluate(async () =>
    (await axe.run()).violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(" ")}`),
  );
  await context.close();
  return found;
}

for (const colorScheme of ["light", "dark"]) {
  test(`axe-core finds nothing on the main page, each dock tab, tour steps, the fleet view and the docs page (${colorScheme})`, async () => {
    const pages = [
      "/",
      "/?tour=manual-rollback&step=5",
      "/?tour=manual-rollback&step=5&tab=logs",
      "/?tour=two-phase-rollout&step=5&tab=events",
      "/?tour=runtime-settings-in-sam&step=4&tab=template",
      "/?tour=runtime-update-during-canary&step=6",
      "/?tour=two-phase-rollout&step=5&timeline=fleet",
      "/docs/embed/",
    ];
    for (const path of pages) {
      assert.deepEqual(await violations(path, colorScheme), [], path);
    }
  });
}

for (const [width, height] of [[390, 844], [768, 1024], [1280, 720], [1440, 900]]) {
  test(`at ${width}x${height} nothing scrolls sideways and the primary buttons are in view`, async () => {
    const { page, context } = await open("/?tour=manual-rollback&step=3", { width, height });
    await page.getByTestId("tour-next").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // On a phone the tours, Recent and Share fold into the header's menu.
    if (await page.getByTestId("menu").isVisible()) await page.getByTestId("menu").click();
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    // Each button, once its panel is scrolled into view (not the button itself), is inside the
    // window and inside its panel's visible part.
    for (const id of ["play", "share", "tour-next", "release"]) {
      const where = await page.evaluate((id) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        const body = el.closest(".panel-body");
        const panel = el.closest(".panel") ?? el;
        panel.scrollIntoView({ block: "start" });
        if (body) body.scrollTop = 0;
        const r = el.getBoundingClientRect();
        const clip = body ? body.getBoundingClientRect() : { top: 0, bottom: innerHeight };
        return {
          rect: `${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}x${innerHeight}`,
          inWindow: r.left >= -1 && r.right <= innerWidth + 1 && r.top >= -1 && r.bottom <= innerHeight + 1,
          inPanel: r.top >= clip.top - 1 && r.bottom <= clip.bottom + 1,
        };
      }, id);
      assert.ok(where.inWindow, `${id} is outside the window: ${where.rect}`);
      assert.ok(where.inPanel, `${id} is below its panel's visible part`);
    }
    await context.close();
  });
}

test("a pasted three-line script creates its function", async () => {
  const { page, context } = await open("/", { width: 1280, height: 720 });
  const input = page.getByTestId("console-input");
  await input.click();
  await page.keyboard.insertText(`sim region eu-west-1\n${CREATE} \\\n  --architectures arm64`);
  await input.press("Enter");
  await page.locator('[data-testid="function-version"][data-function="orders"]').waitFor();
  const out = await page.getByTestId("console-output").textContent();
  assert.ok(out.includes("--architectures arm64"), out);
  assert.equal(await page.locator('[data-testid="function-version"]').getAttribute("data-region"), "eu-west-1");
  await context.close();
});

test("on a phone, a tour picked from the Menu comes into view", async () => {
  const { page, context, problems } = await open("/", { width: 390, height: 844 });
  await page.getByTestId("menu").click();
  await page.getByTestId("tour-picker").selectOption("manual-rollback");
  const card = page.getByTestId("tour");
  await card.waitFor();
  await page.waitForTimeout(300);
  const box = await card.boundingBox();
  assert.ok(box.y >= 0 && box.y < 844, `the card's top is in the window: ${box.y}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the template editor's line numbers sit level with its lines and scroll with them, on a phone and a desktop", async () => {
  for (const [width, height] of [[390, 844], [1440, 900]]) {
    const { page, context, problems } = await open("/", { width, height });
    await page.getByTestId("start-from-template").click();
    const editor = page.getByTestId("template-editor");
    const gutter = page.getByTestId("template-gutter");
    await editor.scrollIntoViewIfNeeded();
    const [e, g] = [await editor.boundingBox(), await gutter.boundingBox()];
    assert.ok(Math.abs(e.y - g.y) < 1 && Math.abs(e.height - g.height) < 1, `side by side at ${width}: ${JSON.stringify([e, g])}`);
    assert.ok(g.x + g.width <= e.x + 1, `the numbers are left of the text at ${width}`);
    // The tenth number and the tenth line share a baseline: the same font, line height and top.
    const lineHeight = await editor.evaluate((t) => parseFloat(getComputedStyle(t).lineHeight));
    const [padE, padG] = await Promise.all([
      editor.evaluate((t) => parseFloat(getComputedStyle(t).paddingTop) + parseFloat(getComputedStyle(t).borderTopWidth)),
      gutter.evaluate((t) => parseFloat(getComputedStyle(t).paddingTop) + parseFloat(getComputedStyle(t).borderTopWidth)),
    ]);
    assert.equal(padE, padG, "the first lines start at the same height");
    assert.equal(await gutter.evaluate((t) => parseFloat(getComputedStyle(t).lineHeight)), lineHeight);
    await editor.evaluate((t) => { t.scrollTop = 5 * parseFloat(getComputedStyle(t).lineHeight); t.dispatchEvent(new Event("scroll")); });
    await page.waitForTimeout(50);
    const [top, gtop] = [await editor.evaluate((t) => t.scrollTop), await gutter.evaluate((t) => t.scrollTop)];
    assert.ok(top > 0 && top === gtop, `scrolled together: ${top} ${gtop}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test("on a phone, Start from a template brings the editor into view, and a template error scrolls to its line", async () => {
  const { page, context, problems } = await open("/", { width: 390, height: 844 });
  await page.getByTestId("start-from-template").click();
  await page.waitForTimeout(300);
  const dock = await page.locator(".dock").boundingBox();
  assert.ok(dock.y < 844 && dock.y + dock.height > 0, `the dock is in the window: ${JSON.stringify(dock)}`);
  // A tab on line 40 of a long template: the editor shows that line, its number marked beside it.
  const lines = Array.from({ length: 60 }, (_, i) => (i === 39 ? "\tBroken: here" : `# line ${i + 1}`));
  await page.getByTestId("template-editor").fill(["Resources:", ...lines.slice(1)].join("\n"));
  await page.getByTestId("template-deploy").click();
  await page.locator(".gutter mark.bad-line").waitFor();
  const editor = page.getByTestId("template-editor");
  const [top, gutterTop] = [await editor.evaluate((t) => t.scrollTop), await page.getByTestId("template-gutter").evaluate((g) => g.scrollTop)];
  assert.ok(top > 0 && top === gutterTop, `scrolled to the line: ${top} ${gutterTop}`);
  const [mark, box] = [await page.locator(".gutter mark.bad-line").boundingBox(), await editor.boundingBox()];
  assert.ok(mark.y >= box.y && mark.y + mark.height <= box.y + box.height, "the marked number is in view");
  assert.deepEqual(problems, []);
  await context.close();
});
