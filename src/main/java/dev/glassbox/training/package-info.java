/**
 * Training the small shapes CNN that the fixture models are (DESIGN.md §7), and the per-class recall figures used to
 * show that the planted flaws bite.
 */
package dev.glassbox.training;
