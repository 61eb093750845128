/**
 * The page object for the cluster page: every spec goes through it, by the test hooks of
 * ui-contract.md only (never by CSS classes or visible text that a translation changes).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

export interface ReplicaHooks {
  topic: string;
  partition: number;
  broker: number;
  leo: number;
  hw: number;
  role: string;
  inIsr: boolean;
  records: { offset: number; epoch: number }[];
  firstDrawnOffset: number | null;
}

export interface PartitionHooks {
  topic: string;
  partition: number;
  leader: number | null;
  epoch: number;
  hw: number;
  isr: number[];
}

export interface BrokerHooks {
  broker: number;
  state: string;
  fenced: boolean;
}

export const SCREENSHOT_DIR = join('test-results', 'screenshots');

const numbers = (text: string | null): number[] => (text ? text.split(',').map(Number) : []);

export class ClusterPage {
  readonly position: Locator;
  readonly loadError: Locator;
  readonly title: Locator;
  readonly era: Locator;
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.position = page.getByTestId('timeline-position');
    this.loadError = page.getByTestId('load-error');
    this.title = page.getByTestId('scenario-title');
    this.era = page.getByTestId('era');
    this.root = page.locator('[data-mode]');
  }

  /** Opens the app at `/` with an optional query (`?lang=zh`) and hash (`#s=…&at=n`). */
  async open(hash = '', query = ''): Promise<void> {
    await this.page.goto(`./${query}${hash}`);
    await expect(this.root).toBeVisible();
  }

  async at(): Promise<number> {
    return Number(await this.position.getAttribute('data-at'));
  }

  async total(): Promise<number> {
    return Number(await this.position.getAttribute('data-total'));
  }

  async expectAt(at: number): Promise<void> {
    await expect(this.position).toHaveAttribute('data-at', String(at));
  }

  /** Inside step `at + 1` after `event` of its timed events (0: at the boundary, no `data-event`). */
  async expectEvent(at: number, event: number): Promise<void> {
    await this.expectAt(at);
    if (event === 0) await expect(this.position).not.toHaveAttribute('data-event', /[1-9]/);
    else await expect(this.position).toHaveAttribute('data-event', String(event));
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  button(name: RegExp | string): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  async brokers(): Promise<BrokerHooks[]> {
    return this.page.getByTestId('broker').evaluateAll((elements) =>
      elements.map((el) => ({
        broker: Number(el.getAttribute('data-broker')),
        state: el.getAttribute('data-state') ?? '',
        fenced: el.getAttribute('data-fenced') === 'true',
      })),
    );
  }

  async partitions(): Promise<PartitionHooks[]> {
    const raw = await this.page.getByTestId('partition').evaluateAll((elements) =>
      elements.map((el) => ({
        topic: el.getAttribute('data-topic') ?? '',
        partition: Number(el.getAttribute('data-partition')),
        leader: el.getAttribute('data-leader') ?? '',
        epoch: Number(el.getAttribute('data-epoch')),
        hw: Number(el.getAttribute('data-hw')),
        isr: el.getAttribute('data-isr'),
      })),
    );
    return raw.map((p) => ({ ...p, leader: p.leader === '' ? null : Number(p.leader), isr: numbers(p.isr) }));
  }

  async replicas(): Promise<ReplicaHooks[]> {
    return this.page.getByTestId('replica').evaluateAll((elements) =>
      elements.map((el) => ({
        topic: el.getAttribute('data-topic') ?? '',
        partition: Number(el.getAttribute('data-partition')),
        broker: Number(el.getAttribute('data-broker')),
        leo: Number(el.getAttribute('data-leo')),
        hw: Number(el.getAttribute('data-hw')),
        role: el.getAttribute('data-role') ?? '',
        inIsr: el.getAttribute('data-in-isr') === 'true',
        firstDrawnOffset: el.hasAttribute('data-first-drawn-offset') ? Number(el.getAttribute('data-first-drawn-offset')) : null,
        records: Array.from(el.querySelectorAll('[data-testid="record"]')).map((record) => ({
          offset: Number(record.getAttribute('data-offset')),
          epoch: Number(record.getAttribute('data-epoch')),
        })),
      })),
    );
  }

  async anomalyTypes(): Promise<string[]> {
    return this.page.getByTestId('anomaly').evaluateAll((elements) => elements.map((el) => el.getAttribute('data-type') ?? ''));
  }

  async loadErrorLines(): Promise<string[]> {
    return this.loadError.locator('li').allInnerTexts();
  }

  /**
   * A full-page screenshot into test-results/screenshots/<name>.png, as a reader who scrolls down
   * sees the page: the panels under a cluster (mounted once the narration is in, up to a second
   * after the first paint) and the inspector's chart (built when its place nears the viewport or
   * 3 s after the load) are waited for.
   */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    if (await this.page.locator('.app:not([data-mode="embed"]) .cluster').count()) {
      // Soft: a page that shows a cluster without the inspector is captured as it is.
      await this.page.locator('.inspector').waitFor({ state: 'attached', timeout: 5_000 }).catch(() => undefined);
    }
    if (await this.page.locator('.time-chart-slot').count()) {
      await this.page.locator('[data-testid="time-chart"][data-ready="true"]').waitFor({ timeout: 15_000 });
    }
    // Panels far below the first screen skip rendering until they near the viewport
    // (`content-visibility: auto` in styles.css), which a full-page capture never scrolls to:
    // rendered here as they are once scrolled to (CSSOM, which the page's CSP allows).
    await this.page.evaluate(() => {
      const sheet = document.styleSheets[0];
      sheet?.insertRule('* { content-visibility: visible !important; }', sheet.cssRules.length);
    });
    const path = join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}
