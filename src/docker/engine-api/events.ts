// `GET /events` (`events.Message`), streamed or as a bounded history.

export interface EngineEvent {
  Type: string;
  Action: string;
  Actor: { ID: string; Attributes?: Record<string, string> | null };
  scope?: string;
  time: number;
  timeNano?: number;
}
