/** English: obligations' clocks and evidence, and closing a case safely (issue 13). */
export const closingEn = {
  "closing.outcome_needed": "Choose the outcome before closing the case.",
  "closing.due_now": "Due now",
  "closing.made_by_intake": "Made by this intake: taken in by CPS itself ({statute})",
  "closing.evidence.at": "When",
  "closing.at": "When you made the report",
  "closing.at_hint": "The date and time of the call or the written report.",
  "closing.report_needs":
    "The law requires this report ({citation}): give its reference number, whom you reached and when.",
  "closing.missing.reference": "Give the reference number the agency gave for this report.",
  "closing.missing.spokeWith": "Say whom you reported to: the person or office you reached.",
  "closing.missing.at": "Say when the report was made.",
  "closing.future.at": "The time of the report cannot be in the future.",
  "closing.errors_title": "Please fix the marked fields.",
  "closing.confirm.title": "Close this case?",
  "closing.confirm.lead": "Closing ends the work on this case. Check what is still open first.",
  "closing.confirm.nothing_open": "Nothing is left open on this case.",
  "closing.confirm.open_obligations":
    "Open obligations ({count}): each must be met or retired with a reason before the case closes.",
  "closing.confirm.retire_reason": "Why “{action}” no longer needs doing",
  "closing.confirm.retire_hint": "Leave empty to keep it open (the case then stays open).",
  "closing.confirm.pending_referrals":
    "Referrals still waiting for an answer ({count}): each must be answered by the receiving agency, or withdrawn by the agency that sent it, before the case closes.",
  "closing.confirm.to_referrals": "Go to the referrals to withdraw one",
  "closing.confirm.referral": "{domain}, sent {at}",
  "closing.confirm.submit": "Yes, close the case",
  "closing.confirm.cancel": "Keep it open",
  "closing.case_closed_note": "This case is closed. Reopen it to add to it.",
  "closing.reopen_confirm": "Reopen this case? It is recorded on the timeline.",
  "error.code.case_closed": "This case is closed. Reopen it to add to it.",
} as const;
