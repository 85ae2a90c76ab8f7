/** Names of controls that pause, stop, mute or hide, in the languages Portico's targets use (shared by audio-control and pause-stop-hide). */
export const PAUSE_WORDS = /\b(pause|stop|mute|unmute|volume|sound\s+off|silence|hide|turn\s+off)\b|pausa|detener|parar|silenciar|arr[êe]ter|couper\s+le\s+son|masquer|kanpe|sispann|koupe\s+son|إيقاف|كتم/i;
export const MUTE_WORDS = /\b(pause|stop|mute|volume|sound\s+off|silence|turn\s+off)\b|pausa|detener|parar|silenciar|arr[êe]ter|couper\s+le\s+son|kanpe|sispann|koupe\s+son|إيقاف|كتم/i;

export const controlsMatching = (controls: readonly string[], words: RegExp) => controls.filter((c) => words.test(c));
