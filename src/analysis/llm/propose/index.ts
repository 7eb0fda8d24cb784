export type { ConfusionExamples } from './confusion-examples.js';
export { MAX_INSTRUCTION_CHARS, parseProposals } from './parse-proposals.js';
export {
  type ProposedCandidate,
  type ProposeOptions,
  type ProposeResult,
  proposeInstructions,
} from './propose-instructions.js';
export {
  bootstrappedSets,
  DEFAULT_INSTRUCTION,
  type WrittenInstructions,
  writeInstructions,
} from './write-instructions.js';
