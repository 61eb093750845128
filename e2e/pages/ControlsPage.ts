/**
 * The controls that act on the cluster (produce, broker menus, run, heal), the fork dialog and
 * the step list's edits. Reached by accessible names (English: specs open with ?lang=en).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface ProduceOptions {
  topic?: string;
  key?: string | null;
  value?: string;
  acks?: '0' | '1' | 'all';
  partition?: number;
  count?: number;
}

export class ControlsPage {
  readonly produceForm: Locator;
  readonly forkDialog: Locator;

  constructor(readonly page: Page) {
    this.produceForm = page.getByRole('form', { name: 'Produce' });
    this.forkDialog = page.getByRole('dialog', { name: 'Change the past?' });
  }

  async produce(options: ProduceOptions = {}): Promise<void> {
    const form = this.produceForm;
    if (options.topic) await form.getByLabel('Topic').selectOption(options.topic);
    if (options.partition !== undefined) await form.getByLabel('Partition').selectOption(String(options.partition));
    if (options.key === null) await form.getByLabel('no key (null)').check();
    else if (options.key !== undefined) await form.getByLabel('Key', { exact: true }).fill(options.key);
    if (options.value !== undefined) await form.getByLabel('Value').fill(options.value);
    if (options.acks) await form.getByLabel('acks').selectOption(options.acks);
    if (options.count) await form.getByLabel('Records').fill(String(options.count));
    await form.getByRole('button', { name: 'Send' }).click();
  }

  /** Opens broker `id`'s menu and clicks an item ("Crash", "Restart", "Fetch" …). */
  async brokerAction(id: number, item: string, lostTail?: number): Promise<void> {
    const broker = this.page.locator(`[data-testid="broker"][data-broker="${id}"]`);
    await broker.getByText('Actions', { exact: true }).click();
    if (lostTail !== undefined) await broker.getByLabel('Unflushed records to lose').fill(String(lostTail));
    await broker.getByRole('button', { name: item, exact: false }).first().click();
  }

  async run(label: '1 ms' | '500 ms' | '10 s' | '45 s'): Promise<void> {
    const ms = { '1 ms': 1, '500 ms': 500, '10 s': 10000, '45 s': 45000 }[label];
    await this.page.getByRole('button', { name: `Run ${new Intl.NumberFormat('en').format(ms)} ms` }).click();
  }

  async runMs(ms: number): Promise<void> {
    await this.page.getByLabel('Milliseconds').fill(String(ms));
    await this.page.getByRole('button', { name: 'Run', exact: true }).click();
  }

  async confirmFork(): Promise<void> {
    await expect(this.forkDialog).toBeVisible();
    await this.forkDialog.getByRole('button', { name: 'Drop later steps and act' }).click();
    await expect(this.forkDialog).toBeHidden();
  }

  async cancelFork(): Promise<void> {
    await this.forkDialog.getByRole('button', { name: 'Keep the timeline' }).click();
  }

  async deleteCurrentStep(): Promise<void> {
    await this.page.getByRole('button', { name: /^Delete step \d+$/ }).click();
  }

  async insertHere(): Promise<void> {
    await this.page.getByRole('button', { name: /^Insert after step \d+$/ }).click();
  }

  /** The produced records table's outcome texts, in order. */
  async producedOutcomes(): Promise<string[]> {
    return this.page.getByRole('region', { name: 'Produced records', exact: true }).locator('tbody tr td:last-child').allInnerTexts();
  }
}
