/**
 * Explain the build: why a file is (not) in the image, what a change re-runs, the build order,
 * plain-language text for one instruction, and approximate base image sizes.
 */
export { explainPath, type WhyAnswer, type WhyStep } from './why.ts';
export { previewCache, isBuildStep, type CachePreview, type CacheStep, type CacheCause } from './cache.ts';
export { buildSchedule, type Schedule, type StageWait } from './schedule.ts';
export {
  explainInstruction,
  type InstructionExplanation,
  type InstructionLink,
  type InstructionRead,
} from './instruction.ts';
export {
  approximateSize,
  imageSizeSummary,
  splitReference,
  formatMb,
  IMAGE_SIZES,
  SIZE_TABLE_AS_OF,
  SIZE_TABLE_SOURCE,
  type ImageSize,
  type ImageSizeRow,
  type ImageSizeSummary,
  type StageBaseSize,
} from './imageSizes.ts';
