/**
 * The pictures a model is tested on: image folders (one subfolder per class) and their masks, decoded as their
 * files store them, batches as model input, traits from a manifest, and the generated "shapes" data set
 * (DESIGN.md §7) with its planted flaws.
 */
package dev.glassbox.data;
