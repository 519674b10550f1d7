/** Voice notes to text (issue 16): what the rest of core may use. */
export { makeVoiceTranscriber, type VoiceTranscript } from './transcribe-voice';
export type { MakeTranscriptionClient } from './transcription-client';
export { makeTranscriptionUsageRepo } from './usage-repo';
