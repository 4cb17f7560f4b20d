/**
 * The header's unread count is asked again when a page marks notifications read: that page
 * sends this event, and the bell listens, so the two never disagree for a minute.
 */
export const NOTIFICATIONS_CHANGED = "waypoint:notifications-changed";

export function notificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
