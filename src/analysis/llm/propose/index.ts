export type { ConfusionExamples } from './confusion-examples.js';
export { MAX_INSTRUCTION_CHARS, parseProposals } from './parse-proposals.js';
export {
  DEFAULT_INSTRUCTION,
  type ProposedCandidate,
  type ProposeOptions,
  type ProposeResult,
  proposeInstructions,
} from './propose-instructions.js';
