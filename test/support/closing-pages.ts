import type { Page } from "playwright-core";

/**
 * Closes the case open in `page` through its status panel (issue 13): picks the outcome, asks to
 * close, fills a reason for every obligation the confirmation lists as open, and confirms.
 * Returns how many obligations it retired.
 */
export async function closeCaseWithReasons(
  page: Page,
  outcome: string,
  reason: string,
): Promise<number> {
  const status = page.locator(".panel-status");
  await status.getByLabel("Outcome").selectOption({ label: outcome });
  await status.getByRole("button", { name: "Close the case" }).click();
  const confirmation = status.getByRole("region", { name: "Close this case?" });
  await confirmation.waitFor();
  // The lists load with the confirmation: wait for them before counting the reasons.
  await confirmation.getByText(/^(Open obligations|Nothing is left open)/).waitFor();
  const reasons = confirmation.getByLabel(/no longer needs doing$/);
  const count = await reasons.count();
  for (let i = 0; i < count; i++) await reasons.nth(i).fill(reason);
  await confirmation.getByRole("button", { name: "Yes, close the case" }).click();
  return count;
}
