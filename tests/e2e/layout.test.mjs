// End-to-end tests of the layout and the keyboard, in headless Chromium: needs rows one line
// tall under a header row that stays in view, nothing cut at 1366 px in English, Arabic and
// French, a new need's id that follows its skill, the phone's compact header and cards (in
// English and Arabic, with screenshots), and the keyboard: one h1, the skip link first, arrow
// keys between tabs (mirrored in Arabic), the focus kept on Solve.
//
//   cd tests/e2e && node --test layout.test.mjs      (the built dist/, like app.test.mjs)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHOTS, language, open as openPage, startApp, stopApp } from './harness.mjs';

const LAPTOP = { width: 1366, height: 768 };
/** The demo's skills: what a need's skill list offers once focused. */
const skillCount = JSON.parse(readFileSync(join(ROOT, 'data', 'demo-2027.json'), 'utf8')).skills.length;
const PHONE = { width: 390, height: 844 };
/** The tallest a needs row may be at 1366 × 768: one line of fields. */
const ROW_MAX_PX = 48;
/** The tallest the header may be on a phone of 844 px. */
const PHONE_HEADER_MAX_PX = 120;

let app;
before(async () => {
  app = await startApp();
  mkdirSync(SHOTS, { recursive: true });
});
after(() => stopApp(app));

async function opened(viewport) {
  const it = await openPage(app.browser, app.url, { viewport });
  await it.goto();
  return it;
}

async function role(page, which) {
  await page.click(`#role-${which}`);
  await page.locator(`.workspace#${which}`).waitFor();
}

/** The planner's needs of every state (the widest needs table: it has a state column). */
async function allNeeds(page) {
  await role(page, 'planner');
  await page.click('#tab-needs');
  await page.locator('table.needs tbody tr').first().waitFor();
}

/**
 * Everything cut in `table`: a cell or button whose content is wider than itself, an input
 * whose text does not fit, a choice list narrower than the choice it shows. Each is named by
 * its tag, field or text, with its widths.
 */
const cutIn = (page, table) =>
  page.evaluate((selector) => {
    const cut = [];
    const canvas = document.createElement('canvas').getContext('2d');
    const name = (el) => el.dataset.path ?? el.closest('td')?.dataset.label ?? el.textContent.trim();
    // A note is free text that scrolls in its box; every other input shows all it holds.
    const inputs = `${selector} input[type="text"]:not([data-path$=".note"])`;
    for (const el of document.querySelectorAll(`${selector} td, ${selector} th, ${selector} button, ${inputs}`)) {
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName} ${name(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    for (const select of document.querySelectorAll(`${selector} select`)) {
      const style = getComputedStyle(select);
      canvas.font = style.font;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needed = canvas.measureText(text).width;
      if (needed > room) cut.push(`SELECT ${name(select)} "${text}": ${Math.ceil(needed)} > ${room}`);
    }
    return cut;
  }, table);

test('needs rows are one line tall at 1366 × 768 and the header row stays in view', async () => {
  const { page, done } = await opened(LAPTOP);
  for (const which of ['focal', 'planner']) {
    if (which === 'planner') await allNeeds(page);
    const heights = await page.$$eval('table.needs tbody tr', (rows) => rows.map((r) => r.getBoundingClientRect().height));
    assert.ok(heights.length > 0);
    const tallest = Math.max(...heights);
    console.log(`${which}: ${heights.length} needs rows, the tallest ${tallest.toFixed(1)} px (at most ${ROW_MAX_PX})`);
    assert.ok(tallest <= ROW_MAX_PX, `a needs row is ${tallest} px tall`);
  }
  // The hint of an empty window shows while its field has the focus, not in every row.
  const start = page.locator('table.needs tbody tr').first().locator('input[data-path$=".window.start"]');
  const help = page.locator('table.needs tbody tr').first().locator('[id$=".window.start"].field-help');
  assert.equal(await help.isVisible(), false);
  assert.equal(await start.getAttribute('aria-describedby'), await help.getAttribute('id'));
  await start.focus();
  await help.getByText('Empty: the whole planning period').waitFor();

  // Scroll the table with the mouse wheel: the rows move under the header row, which stays.
  await page.evaluate(() => document.activeElement.blur());
  const before = await page.locator('table.needs thead th').first().boundingBox();
  await page.locator('table.needs tbody tr').nth(2).hover();
  await page.mouse.wheel(0, 800);
  const pane = page.locator('table.needs').locator('xpath=ancestor::div[contains(@class, "table-wrap")]');
  await page.waitForFunction(() => document.querySelector('table.needs').closest('.table-wrap').scrollTop >= 400);
  const header = await page.locator('table.needs thead th').first().boundingBox();
  assert.ok(header.y >= 0 && header.y + header.height <= LAPTOP.height, `header row in view (top ${header.y})`);
  assert.ok(Math.abs(header.y - before.y) <= 1, `the header row stayed where it was (${before.y} -> ${header.y})`);
  const under = await page.evaluate(() => {
    const head = document.querySelector('table.needs thead th').getBoundingClientRect();
    const first = [...document.querySelectorAll('table.needs tbody tr')].find((r) => r.getBoundingClientRect().bottom > head.bottom);
    return { index: first.rowIndex, top: first.getBoundingClientRect().top, headTop: head.top };
  });
  assert.ok(under.index > 5, `rows scrolled under the header (first visible row ${under.index})`);
  console.log(`after a wheel of 800 px: pane scrolled ${await pane.evaluate((p) => p.scrollTop)} px, header row at ${header.y.toFixed(0)} px`);
  await done();
});

test('nothing in the needs and sessions tables is cut at 1366 px, in English, Arabic and French', async () => {
  const { page, done } = await opened(LAPTOP);
  for (const lang of ['en', 'ar', 'fr']) {
    await language(page, lang);
    await allNeeds(page);
    assert.deepEqual(await cutIn(page, 'table.needs'), [], `needs table in ${lang}`);
    await role(page, 'centre');
    await page.locator('table.sessions tbody tr').first().waitFor();
    assert.deepEqual(await cutIn(page, 'table.sessions'), [], `sessions table in ${lang}`);
    // The rows' buttons read in full.
    assert.ok(await page.locator('table.sessions td.actions button').first().isVisible());
  }
  await done();
});

/** Chooses `value` in a list of a table row as a user does: the list fills when focused. */
async function choose(select, value) {
  await select.focus();
  await select.selectOption(value);
}

test("a new need's id follows its skill and level until it is typed over", async () => {
  const { page, done } = await opened(LAPTOP);
  await page.selectOption('#focal-state', 'TN');
  await page.click('#add-need');
  const row = page.locator('table.needs tbody tr').last();
  assert.match(await row.getAttribute('data-need'), /^TN-forensics-1(-\d+)?$/);
  const lastId = () => page.locator('table.needs tbody tr').last().getAttribute('data-need');
  const becomes = (prefix) =>
    page.waitForFunction((p) => [...document.querySelectorAll('table.needs tbody tr')].at(-1).dataset.need.startsWith(p), prefix);
  // A row's lists hold only their chosen option until focused; Tab reaches the skill's list,
  // which then offers every skill under the same name.
  const skill = row.locator('select[data-path$=".skill"]');
  assert.equal(await skill.locator('option').count(), 1, 'one option before the list is focused');
  const name = await skill.getAttribute('aria-label');
  await row.locator('input[data-path$=".id"]').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.path?.endsWith('.skill')), true, 'Tab reaches the list');
  await page.waitForFunction((n) => [...document.querySelectorAll('table.needs tbody tr')].at(-1).querySelector('select[data-path$=".skill"]').options.length === n, skillCount);
  assert.equal(await skill.getAttribute('aria-label'), name);
  assert.equal(await skill.inputValue(), '"forensics"', 'the chosen skill stays chosen');
  await choose(skill, '"crypto"');
  await becomes('TN-crypto-1');
  const id = await lastId();
  assert.match(id, /^TN-crypto-1(-\d+)?$/);
  assert.equal(await page.locator('table.needs tbody tr').last().locator('input[data-path$=".id"]').inputValue(), id);
  await choose(page.locator('table.needs tbody tr').last().locator('select[data-path$=".level"]'), '2');
  await becomes('TN-crypto-2');
  // An id typed by the user stays what it is.
  const idField = page.locator('table.needs tbody tr').last().locator('input[data-path$=".id"]');
  await idField.fill('TN-my-own-id');
  await page.locator('table.needs tbody tr[data-need="TN-my-own-id"]').waitFor();
  await choose(page.locator('tr[data-need="TN-my-own-id"] select[data-path$=".skill"]'), '"forensics"');
  assert.equal(await page.locator('tr[data-need="TN-my-own-id"] select[data-path$=".skill"]').inputValue(), '"forensics"');
  // A need that was there before keeps its id when its skill changes.
  const first = page.locator('table.needs tbody tr').first();
  const old = await first.getAttribute('data-need');
  await choose(first.locator('select[data-path$=".level"]'), '3');
  assert.equal(await page.locator('table.needs tbody tr').first().getAttribute('data-need'), old);
  await done();
});

test('on a phone the header is compact and the needs and sessions are cards, in English and Arabic', async () => {
  const { page, done } = await opened(PHONE);
  for (const lang of ['en', 'ar']) {
    await language(page, lang);
    await role(page, 'focal');
    const header = await page.locator('header.top').boundingBox();
    console.log(`phone (${lang}): header ${header.height.toFixed(0)} px of ${PHONE.height}`);
    assert.ok(header.height <= PHONE_HEADER_MAX_PX, `header is ${header.height} px tall`);
    assert.ok(
      (await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width,
      'the page is no wider than the phone',
    );
    for (const [which, table] of [['focal', 'table.needs'], ['centre', 'table.sessions']]) {
      await role(page, which);
      const card = page.locator(`${table} tbody tr`).first();
      await card.waitFor();
      const cards = await page.evaluate((t) => {
        const rows = [...document.querySelectorAll(`${t} tbody tr`)].slice(0, 3);
        return rows.map((tr) => {
          const box = tr.getBoundingClientRect();
          const cells = [...tr.querySelectorAll('td')];
          return {
            display: getComputedStyle(tr).display,
            left: box.left,
            right: box.right,
            labels: cells.map((td) => getComputedStyle(td, '::before').content),
            startBorder: getComputedStyle(tr)[document.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth'],
            header: getComputedStyle(document.querySelector(`${t} thead`)).position,
          };
        });
      }, table);
      for (const c of cards) {
        assert.equal(c.display, 'block', 'each row is a card');
        assert.ok(c.left >= 0 && c.right <= PHONE.width, `a card fits the screen (${c.left}–${c.right})`);
        assert.equal(c.startBorder, '4px', 'the card is marked on its reading side');
        assert.equal(c.header, 'absolute', 'the column headings are for screen readers only');
        assert.ok(c.labels.every((l) => l !== 'none' && l.length > 2), `every field is labelled: ${c.labels}`);
      }
      const label = await card.locator('td').nth(1).getAttribute('data-label');
      assert.equal(label, lang === 'ar' ? (which === 'focal' ? 'المهارة' : 'الدورة') : which === 'focal' ? 'Skill' : 'Course');
      await page.screenshot({ path: join(SHOTS, `phone-${which}-${lang}.png`) });
    }
  }
  await done();
});

test('keyboard: one h1, the skip link first, arrow keys between tabs (mirrored in Arabic), the focus kept on Solve', async () => {
  const { page, done } = await opened(LAPTOP);
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  assert.equal(await page.locator('h1').count(), 1);
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'skip-link');
  assert.ok(await page.locator('#skip-link').isVisible(), 'the skip link shows when it has the focus');
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'main');
  await page.keyboard.press('Tab');
  assert.ok(
    await page.evaluate(() => document.querySelector('main').contains(document.activeElement)),
    'the next Tab goes on inside the main content',
  );

  await role(page, 'planner');
  const selected = () => page.evaluate(() => document.querySelector('#planner > [role="tablist"] [aria-selected="true"]').id);
  const tabStops = () =>
    page.$$eval('#planner > [role="tablist"] [role="tab"]', (tabs) => tabs.filter((t) => t.tabIndex === 0).map((t) => t.id));
  await page.focus('#tab-plan');
  assert.deepEqual(await tabStops(), ['tab-plan'], 'only the chosen tab is in the Tab order');
  for (const [key, expected] of [['ArrowRight', 'tab-needs'], ['ArrowRight', 'tab-catalogue'], ['End', 'tab-adjustments'], ['ArrowRight', 'tab-plan'], ['ArrowLeft', 'tab-adjustments'], ['Home', 'tab-plan']]) {
    await page.keyboard.press(key);
    assert.equal(await selected(), expected, `${key} chooses ${expected}`);
    assert.equal(await focused(), expected, `${key} moves the focus to ${expected}`);
  }
  assert.deepEqual(await tabStops(), ['tab-plan']);
  await language(page, 'ar');
  await page.focus('#tab-plan');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await selected(), 'tab-needs', 'in Arabic the next tab is to the left');
  await page.keyboard.press('ArrowRight');
  assert.equal(await selected(), 'tab-plan');
  assert.equal(await focused(), 'tab-plan');
  // The centre's tabs and the plan's views are tab lists of the same kind.
  await role(page, 'centre');
  await page.focus('#centre-tab-sessions');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), 'centre-tab-courses');
  await language(page, 'en');

  // Solve from the keyboard: the focus is on Solve while it works and after.
  await role(page, 'planner');
  await page.evaluate(() => {
    window.__focusWhile = [];
    new MutationObserver(() =>
      window.__focusWhile.push([document.querySelector('#solve-status').dataset.state, document.activeElement?.id]),
    ).observe(document.querySelector('#solve-status'), { attributes: true, attributeFilter: ['data-state'] });
  });
  await page.focus('#solve');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#solve-status').dataset.solves === '1', null, { timeout: 30_000 });
  await page.locator('#plan-views').waitFor();
  await page.evaluate(() => new Promise((ready) => requestAnimationFrame(() => setTimeout(ready, 50))));
  const seen = await page.evaluate(() => window.__focusWhile);
  assert.ok(seen.some(([state]) => state === 'solving'), `seen solving: ${JSON.stringify(seen)}`);
  assert.deepEqual(seen.filter(([, id]) => id !== 'solve'), [], 'the focus never left Solve');
  assert.equal(await focused(), 'solve', 'the focus is on Solve after the solve');
  assert.equal(await page.getAttribute('#solve', 'aria-disabled'), 'false');
  // The plan's views answer the arrow keys too.
  await page.focus('#plan-view-calendar');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'plan-view-by-state');
  await done();
});
