/** English: the notification centre (issue 13 item 10): the header's bell and the page. */
export const notificationsEn = {
  "nav.notifications": "Notifications",
  "notifications.unread": "{count} unread",
  "notifications.unread_more": "more than {count} unread",
  "notifications.title": "Notifications",
  "notifications.lead":
    "What happened on your cases and your agency's work. They name a case number, never a person: open one to see the case.",
  "notifications.empty": "You have no notifications yet.",
  "notifications.mark_all": "Mark all as read",
  "notifications.marked_all": "All your notifications are marked as read.",
  "notifications.mark_read": "Mark as read",
  "notifications.new": "New",
  "notifications.more": "Show older",
  "notifications.a_case": "a case",
  "notifications.answer.accepted": "accepted",
  "notifications.answer.declined": "declined",
  "notifications.answer.completed": "marked as completed",
  "notifications.seat_answer.accepted": "accepted",
  "notifications.seat_answer.declined": "declined",
  "notice.case.assigned": "Case {case} was assigned to you.",
  "notice.case.transferred": "Case {case} was transferred to you.",
  "notice.case_routed": "Case {case}, a child's report for your county, was sent to your agency.",
  "notice.routing.fallback.statewide":
    "Case {case}: the county's CPS office has no one to take it, so it went to the statewide office.",
  "notice.routing.fallback.no_one":
    "Case {case}: no CPS investigator could be reached for it. Someone must take it now.",
  "notice.obligation.assigned": "{action} on case {case} is now yours.",
  "notice.obligation.reminder": "Reminder: {action} on case {case}, due {due}.",
  "notice.obligation.reminder_percent":
    "Reminder: {action} on case {case}, due {due}. {percent}% of its time has passed.",
  "notice.obligation.escalation":
    "Overdue: {action} on case {case} was due {due} and is still open.",
  "notice.rat_seat_offered":
    "You are offered the {seat} seat on the Rapid Assessment Team for case {case}. Answer it in My work.",
  "notice.rat_seat_answered": "The {seat} seat on the team for case {case} was {answer}.",
  "notice.referral_received":
    "A referral on case {case} is waiting for your agency's answer in My work.",
  "notice.referral_answered": "Your agency's referral on case {case} was {answer}.",
  "notice.referral_withdrawn":
    "The referral on case {case} was withdrawn by the agency that sent it.",
  "notice.break_glass_opened":
    "Someone outside your agency opened case {case} by emergency access, until {until}. The audit trail shows who.",
};
