// The visit-day reminder's subscribe message template, from configuration.

/** What a template field is filled with. */
export type ReminderValue = 'product' | 'visitDate' | 'destination' | 'orderId';

export interface ReminderConfig {
  /** The subscribe message template id from the mini program console (the app asks for the same one). */
  templateId: string;
  /** The template's field keys (e.g. thing1, date2) and what fills each. */
  fields: Record<string, ReminderValue>;
  /** The destination's local hour (0-23) the day before the visit. */
  hour: number;
}
