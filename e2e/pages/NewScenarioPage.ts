/** The new-scenario dialog, by accessible names (English). */
import { expect, type Locator, type Page } from '@playwright/test';

export class NewScenarioPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'New scenario' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New scenario' }).click();
    await expect(this.dialog).toBeVisible();
  }

  async preset(name: 'Kafka 3.6 (KRaft)' | 'Kafka 2.8 (ZooKeeper)' | 'As in the study notes'): Promise<void> {
    await this.dialog.getByRole('button', { name }).click();
  }

  async set(label: string, value: string): Promise<void> {
    const field = this.dialog.getByLabel(label, { exact: true }).first();
    const tag = await field.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }

  async create(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Create' }).click();
    await expect(this.dialog).toBeHidden();
  }
}
