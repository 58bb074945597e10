/**
 * The battery's checks, one class each with its definition in the registry {@link dev.glassbox.checks.Checks}: what
 * each measures on a model and its data sets, and the result with its evidence. Checks import nothing of the
 * battery, the report or the config.
 */
package dev.glassbox.checks;
