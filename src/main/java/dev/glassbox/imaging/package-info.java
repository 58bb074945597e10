/** Pictures of numbers: the colour map, saliency overlays, crisp upscaling and PNG writing. */
package dev.glassbox.imaging;
