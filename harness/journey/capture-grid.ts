/** What a journey records of capture attempts at a photo step, per skin tone and lighting (the capture-parity audit judges it). */
export interface CaptureGrid {
  stimulus: string;
  /** attempts = captures that reached a verdict; errors = captures the harness could not complete (not counted as rejections). */
  cells: Array<{ mst: number; lighting: string; attempts: number; accepted: number; messages: string[]; errors?: number }>;
}
