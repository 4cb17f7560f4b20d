import type { Locator } from "playwright-core";
import type { RunningServer } from "./server-process.ts";
import type { StaffSession } from "./staff-session.ts";

/**
 * Chooses the option whose text contains `text`, as a person picks a name: option labels carry
 * more than the name (role, agency, on call, certification), so an exact label would tie the
 * tests to every detail of the wording. Returns the option, for further checks.
 */
export async function chooseOption(select: Locator, text: string): Promise<Locator> {
  const option = select.locator("option", { hasText: text });
  await option.waitFor({ state: "attached" });
  await select.selectOption((await option.getAttribute("value")) ?? "");
  return option;
}

/** The seat offered to this member for the case, in their My work. */
async function seatOffer(member: StaffSession, server: RunningServer, caseNumber: string) {
  await member.page.goto(new URL("/work", server.url).href);
  const offers = member.page.getByRole("region", { name: "Seats offered to you" });
  const item = offers.locator("li.offer", { hasText: caseNumber });
  await item.waitFor();
  return { offers, item };
}

/** The member declines the seat in My work, giving the reason the convener will see. */
export async function declineSeat(
  member: StaffSession,
  server: RunningServer,
  caseNumber: string,
  reason: string,
): Promise<void> {
  const { item } = await seatOffer(member, server, caseNumber);
  await item.getByRole("button", { name: "Decline" }).click();
  await item.getByLabel("Why you decline").fill(reason);
  await item.getByRole("button", { name: "Decline the seat" }).click();
  await member.page.getByText(`You declined the seat for case ${caseNumber}.`).waitFor();
}

/** The member accepts the seat in My work; `check` runs on the offer before the answer. */
export async function acceptSeat(
  member: StaffSession,
  server: RunningServer,
  caseNumber: string,
  check: () => Promise<void>,
): Promise<void> {
  const { offers, item } = await seatOffer(member, server, caseNumber);
  await check();
  await item.getByRole("button", { name: "Accept the seat" }).click();
  await offers.getByText(`You joined the Rapid Assessment Team for case ${caseNumber}`).waitFor();
}
