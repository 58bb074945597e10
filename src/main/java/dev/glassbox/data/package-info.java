/**
 * Image folders and the generated "shapes" data set (DESIGN.md §7): six seeded, deterministic classes of 32x32
 * pictures with object and tag masks, and two planted flaws (blue behind stars, a corner tag on crosses) in the
 * biased splits.
 */
package dev.glassbox.data;
