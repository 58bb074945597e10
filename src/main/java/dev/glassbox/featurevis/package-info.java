/**
 * Feature visualization: the image parameterization, the transforms and optimizer that make pictures of what a
 * unit responds to, non-negative matrix factorization for neuron groups, and dataset examples.
 */
package dev.glassbox.featurevis;
