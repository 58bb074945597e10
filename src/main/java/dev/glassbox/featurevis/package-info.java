/**
 * Feature visualization: the image parameterization, the transforms and optimizer that make pictures of what a
 * unit responds to, non-negative matrix factorization for neuron groups, dataset examples, and the records of a
 * model's neuron groups that the report shows.
 */
package dev.glassbox.featurevis;
