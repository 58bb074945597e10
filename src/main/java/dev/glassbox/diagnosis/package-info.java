/**
 * What is wrong with a model, found and proved: candidate cues (removal edits, where attribution gathers, data
 * properties that predict the label), confirmation by transplanting each cue into pictures of other classes, and a
 * short list of problems ranked by the wrong answers they cost. Measuring ({@link dev.glassbox.diagnosis.Diagnoser}
 * and the trials) is apart from judging ({@link dev.glassbox.diagnosis.Rules}) and wording
 * ({@link dev.glassbox.diagnosis.ProblemWording}). Imports nothing of the battery, the report or the config.
 */
package dev.glassbox.diagnosis;
