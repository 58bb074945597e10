/**
 * Pictures of numbers: the colour maps, saliency overlays, crisp upscaling, PNG writing, and the store where a run's
 * pictures are written as they are made.
 */
package dev.glassbox.imaging;
